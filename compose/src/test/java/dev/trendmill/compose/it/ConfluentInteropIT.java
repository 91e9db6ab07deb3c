package dev.trendmill.compose.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trendmill.compose.embedded.LocalStack;
import dev.trendmill.schemas.TopicNames;
import dev.trendmill.schemas.avro.TrendUpdate;
import dev.trendmill.schemas.serde.AvroDeserializer;
import dev.trendmill.schemas.serde.AvroSerdeConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Wire compatibility with Confluent's own code: the records on {@code trends} are decoded by Confluent's official
 * Python client ({@code confluent_kafka}'s MessageSerializer, which fetches the writer schema from our registry by the id
 * in each record) and must equal what our deserializer reads. Needs the system Python with Debian's
 * {@code python3-confluent-kafka} and {@code python3-avro}, which {@code .ci/run} installs; skipped where they are
 * missing.
 */
@ExtendWith(EmbeddedStackExtension.class)
class ConfluentInteropIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path PYTHON = Path.of("/usr/bin/python3");

  @Test
  void confluentsDeserializerReadsOurTrendUpdates(LocalStack stack) throws Exception {
    assumeTrue(confluentKafkaInstalled(), "system python3 with confluent_kafka and avro (apt-get install python3-confluent-kafka python3-avro python3-requests)");
    Map<String, Object> serde = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, stack.settings().registryUrl());

    // Make sure the topic holds trend updates, whatever ran before.
    PipelineScenario.samplesOnce(PipelineScenario.Endpoints.of(stack));

    Map<String, TrendUpdate> ours = new HashMap<>();
    Map<Integer, Long> ends = new TreeMap<>();
    try (AvroDeserializer<TrendUpdate> deserializer = new AvroDeserializer<>()) {
      deserializer.configure(serde, false);
      for (ConsumerRecord<byte[], byte[]> record : PipelineScenario.readAll(PipelineScenario.Endpoints.of(stack), TopicNames.DEFAULT.trends())) {
        ours.put(record.partition() + "@" + record.offset(), deserializer.deserialize(record.topic(), record.value()));
        ends.merge(record.partition(), record.offset() + 1, Math::max);
      }
    }
    assertThat(ours).isNotEmpty();

    // Confluent's client reads exactly the same offsets (the topic keeps growing at the emit interval).
    String endOffsets = ends.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(","));
    List<JsonNode> theirs = decodeWithConfluent(stack, endOffsets);
    assertThat(theirs).hasSize(ours.size());
    for (JsonNode decoded : theirs) {
      TrendUpdate expected = ours.get(decoded.path("partition").asInt() + "@" + decoded.path("offset").asLong());
      assertThat(expected).as("record %s", decoded).isNotNull();
      JsonNode value = decoded.path("value");
      assertThat(value.path("entity_id").asText()).isEqualTo(expected.getEntityId());
      assertThat(value.path("name").asText()).isEqualTo(expected.getName());
      assertThat(value.path("horizon").asText()).isEqualTo(expected.getHorizon());
      assertThat(value.path("count").asLong()).isEqualTo(expected.getCount());
      assertThat(value.path("score").asDouble()).isEqualTo(expected.getScore());
      assertThat(decoded.path("key").asText()).isEqualTo(expected.getEntityId() + "|" + expected.getHorizon());
    }
  }

  private static List<JsonNode> decodeWithConfluent(LocalStack stack, String endOffsets) throws Exception {
    Path script = Path.of("src", "test", "python", "decode_trends.py").toAbsolutePath();
    Process process =
        new ProcessBuilder(
                PYTHON.toString(), script.toString(), stack.settings().bootstrapServers(), stack.settings().registryUrl(),
                TopicNames.DEFAULT.trends(), endOffsets, "90")
            .redirectErrorStream(false)
            .start();
    List<JsonNode> decoded = new ArrayList<>();
    List<String> other = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        JsonNode node = JSON.readTree(line);
        if (node.has("value")) {
          decoded.add(node);
        } else {
          other.add(line);
        }
      }
    }
    String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("decode_trends.py: %s %s", other, errors).isZero();
    return decoded;
  }

  private static boolean confluentKafkaInstalled() throws Exception {
    if (!Files.isExecutable(PYTHON)) {
      return false;
    }
    Process check = new ProcessBuilder(PYTHON.toString(), "-c", "import confluent_kafka.avro, avro, requests").redirectErrorStream(true).start();
    check.getInputStream().readAllBytes();
    return check.waitFor(30, TimeUnit.SECONDS) && check.exitValue() == 0;
  }
}
