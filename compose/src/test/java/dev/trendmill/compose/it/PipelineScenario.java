package dev.trendmill.compose.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trendmill.compose.drop.ArticleFiles;
import dev.trendmill.compose.drop.InboxProducer;
import dev.trendmill.compose.embedded.LocalStack;
import dev.trendmill.compose.kafka.RawClients;
import dev.trendmill.compose.progress.PipelineProgress;
import dev.trendmill.compose.view.ViewClient;
import dev.trendmill.schemas.TopicNames;
import dev.trendmill.schemas.avro.TrendUpdate;
import dev.trendmill.schemas.deadletter.DeadLetterHeaders;
import dev.trendmill.schemas.serde.AvroDeserializer;
import dev.trendmill.schemas.serde.AvroSerdeConfig;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The end-to-end check shared by the embedded-stack and container tests: the bundled samples plus hostile records go
 * in; the hand-labelled entity counts come out exactly, in the view and on the trends topic; every bad record is in
 * the dead-letter topic, unchanged, with its reason. N + M in = N out + M dead-lettered, nothing else.
 */
final class PipelineScenario {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Hostile records and the reason each must be dead-lettered with. */
  private static Map<String, byte[]> invalidRecords() {
    Map<String, byte[]> invalid = new LinkedHashMap<>();
    invalid.put("not-json", "this is not json".getBytes(StandardCharsets.UTF_8));
    invalid.put("not-json#truncated", "{\"title\": \"Half an artic".getBytes(StandardCharsets.UTF_8));
    invalid.put("not-json#bytes", new byte[] {(byte) 0xff, 0x00, (byte) 0xfe, 0x13, 0x37});
    invalid.put("not-an-object", "[1, 2, 3]".getBytes(StandardCharsets.UTF_8));
    invalid.put("missing-title", "{\"body\": \"A body without a title.\"}".getBytes(StandardCharsets.UTF_8));
    invalid.put("missing-body", "{\"title\": \"A title without a body\"}".getBytes(StandardCharsets.UTF_8));
    invalid.put("no-title-no-body", "{\"url\": \"https://example.org/x\"}".getBytes(StandardCharsets.UTF_8));
    invalid.put("wrong-type", "{\"title\": 42, \"body\": \"Numbers are not titles.\"}".getBytes(StandardCharsets.UTF_8));
    invalid.put("invalid-published-at", "{\"title\": \"T\", \"body\": \"B\", \"published_at\": \"next Tuesday\"}".getBytes(StandardCharsets.UTF_8));
    String huge = "x".repeat(1024 * 1024 + 10);
    invalid.put("body-too-large", ("{\"title\": \"Huge\", \"body\": \"" + huge + "\"}").getBytes(StandardCharsets.UTF_8));
    return invalid;
  }

  private PipelineScenario() {}

  /** Where a running pipeline is: Kafka, the registry's Confluent-compatible API, the aggregate's view. */
  record Endpoints(String bootstrapServers, String registryUrl, String viewUrl, String ingestUrl) {
    static Endpoints of(LocalStack stack) {
      return new Endpoints(stack.settings().bootstrapServers(), stack.settings().registryUrl(), stack.settings().viewUrl(), stack.settings().ingestUrl());
    }

    PipelineProgress progress() {
      return new PipelineProgress(
          Map.of("bootstrap.servers", bootstrapServers),
          TopicNames.DEFAULT,
          Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, registryUrl),
          ingestUrl);
    }
  }

  /**
   * What dropping the samples and the hostile records did, measured as soon as they were through. The samples go
   * through a stack once: ingest publishes an article id once, so a second drop is suppressed as duplicates.
   */
  record SampleDrop(
      PipelineProgress.Outcome outcome,
      int samples,
      Map<String, byte[]> invalid,
      Map<String, Long> viewDelta,
      Map<String, Long> topicDelta,
      List<ConsumerRecord<byte[], byte[]>> deadLetters) {}

  private static final Map<String, SampleDrop> DROPS = new ConcurrentHashMap<>();

  /** The samples are through this stack: dropped now, or by an earlier test. */
  static synchronized SampleDrop samplesOnce(Endpoints stack) throws Exception {
    SampleDrop done = DROPS.get(stack.bootstrapServers());
    if (done == null) {
      done = dropSamplesAndHostileRecords(stack);
      DROPS.put(stack.bootstrapServers(), done);
    }
    return done;
  }

  private static SampleDrop dropSamplesAndHostileRecords(Endpoints stack) throws Exception {
    ViewClient view = new ViewClient(stack.viewUrl());
    Map<String, Object> client = Map.of("bootstrap.servers", stack.bootstrapServers());
    Map<String, Object> serde = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, stack.registryUrl());
    PipelineProgress progress = stack.progress();

    List<byte[]> samples;
    try (InputStream in = PipelineScenario.class.getResourceAsStream("/samples/cloud-native-news.jsonl")) {
      samples = ArticleFiles.readLines(in).records();
    }
    Map<String, byte[]> invalid = invalidRecords();
    List<byte[]> all = new ArrayList<>(samples);
    all.addAll(invalid.values());

    Map<String, Long> viewBefore = viewCounts(view);
    Map<String, Long> topicBefore = latestAllTimeCounts(stack, serde);
    PipelineProgress.Snapshot snapshot = progress.snapshot(view);
    Map<TopicPartition, Long> dlqStart = new HashMap<>(snapshot.offsets());
    dlqStart.keySet().removeIf(tp -> !tp.topic().equals(TopicNames.DEFAULT.deadLetters()));

    try (InboxProducer producer = new InboxProducer(client, TopicNames.DEFAULT.inbox())) {
      assertThat(producer.sendAll(all)).isEqualTo(samples.size() + invalid.size());
    }
    PipelineProgress.Outcome outcome = progress.awaitThrough(snapshot, all.size(), view, Duration.ofMinutes(3));
    Map<String, Long> viewDelta = difference(viewCounts(view), viewBefore);
    // Trend updates go out at the aggregate's emit interval: poll the topic until it shows them, or time out.
    Map<String, Long> expected = expectedCounts();
    Map<String, Long> topicDelta = Map.of();
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      topicDelta = difference(latestAllTimeCounts(stack, serde), topicBefore);
      if (topicDelta.equals(expected)) {
        break;
      }
      Thread.sleep(250);
    }
    return new SampleDrop(outcome, samples.size(), invalid, viewDelta, topicDelta, readFrom(stack, dlqStart));
  }

  static void samplesAreCountedExactlyAndEveryBadRecordIsDeadLettered(Endpoints stack) throws Exception {
    SampleDrop drop = samplesOnce(stack);
    PipelineProgress.Outcome outcome = drop.outcome();
    Map<String, byte[]> invalid = drop.invalid();

    // N + M in = N out + M dead-lettered, nothing else.
    assertThat(outcome.complete()).as(outcome.summary()).isTrue();
    assertThat(outcome.articles()).isEqualTo(drop.samples());
    assertThat(outcome.deadLetters()).isEqualTo(invalid.size());
    assertThat(outcome.duplicatesSuppressed()).isZero();
    assertThat(outcome.enriched()).isEqualTo(drop.samples());

    // The counts are the hand-labelled ones, exactly, in the view and on the trends topic.
    Map<String, Long> expected = expectedCounts();
    assertThat(drop.viewDelta()).isEqualTo(expected);
    assertThat(drop.topicDelta()).isEqualTo(expected);

    // Every bad record is in the dead-letter topic unchanged, with the reason, stage and source position.
    Map<String, byte[]> deadByReason = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> dead : drop.deadLetters()) {
      assertThat(DeadLetterHeaders.get(dead.headers(), DeadLetterHeaders.STAGE)).isEqualTo("ingest");
      assertThat(DeadLetterHeaders.get(dead.headers(), DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(TopicNames.DEFAULT.inbox());
      assertThat(DeadLetterHeaders.get(dead.headers(), DeadLetterHeaders.SOURCE_OFFSET)).isNotBlank();
      assertThat(DeadLetterHeaders.get(dead.headers(), DeadLetterHeaders.MESSAGE)).isNotBlank();
      String reason = DeadLetterHeaders.get(dead.headers(), DeadLetterHeaders.REASON);
      String original = invalid.entrySet().stream().filter(e -> Arrays.equals(e.getValue(), dead.value())).map(Map.Entry::getKey).findFirst().orElse(null);
      assertThat(original).as("dead letter with reason %s is one of the records sent, unchanged", reason).isNotNull();
      assertThat(reason).isEqualTo(original.replaceAll("#.*", ""));
      deadByReason.put(original, dead.value());
    }
    assertThat(deadByReason.keySet()).containsExactlyInAnyOrderElementsOf(invalid.keySet());
  }

  /** Drops records on the inbox and waits until they are through every stage. */
  static PipelineProgress.Outcome dropRecords(Endpoints stack, List<byte[]> records) throws Exception {
    Map<String, Object> client = Map.of("bootstrap.servers", stack.bootstrapServers());
    ViewClient view = new ViewClient(stack.viewUrl());
    PipelineProgress progress = stack.progress();
    PipelineProgress.Snapshot snapshot = progress.snapshot(view);
    try (InboxProducer producer = new InboxProducer(client, TopicNames.DEFAULT.inbox())) {
      producer.sendAll(records);
    }
    PipelineProgress.Outcome outcome = progress.awaitThrough(snapshot, records.size(), view, Duration.ofMinutes(2));
    assertThat(outcome.complete()).as(outcome.summary()).isTrue();
    return outcome;
  }

  /** Entity id → number of sample articles naming it, from the labels written with the samples. */
  static Map<String, Long> expectedCounts() throws Exception {
    Map<String, Long> counts = new HashMap<>();
    try (InputStream in = PipelineScenario.class.getResourceAsStream("/samples/expected-entities.json")) {
      JSON.readTree(in).forEach(ids -> ids.forEach(id -> counts.merge(id.asText(), 1L, Long::sum)));
    }
    return counts;
  }

  private static Map<String, Long> viewCounts(ViewClient view) {
    Map<String, Long> counts = new HashMap<>();
    for (JsonNode row : view.trends("all", 1000).path("trends")) {
      counts.put(row.path("id").asText(), row.path("count").asLong());
    }
    return counts;
  }

  private static Map<String, Long> difference(Map<String, Long> after, Map<String, Long> before) {
    Map<String, Long> delta = new HashMap<>();
    after.forEach((id, count) -> {
      long change = count - before.getOrDefault(id, 0L);
      if (change != 0) {
        delta.put(id, change);
      }
    });
    return delta;
  }

  /** The latest all-time count per entity on the trends topic, read with the pipeline's own deserializer. */
  private static Map<String, Long> latestAllTimeCounts(Endpoints stack, Map<String, Object> serde) {
    Map<String, Long> counts = new HashMap<>();
    try (AvroDeserializer<TrendUpdate> deserializer = new AvroDeserializer<>()) {
      deserializer.configure(serde, false);
      for (ConsumerRecord<byte[], byte[]> record : readAll(stack, TopicNames.DEFAULT.trends())) {
        String key = new String(record.key(), StandardCharsets.UTF_8);
        if (key.endsWith("|all")) {
          TrendUpdate update = deserializer.deserialize(record.topic(), record.value());
          counts.put(update.getEntityId(), update.getCount());
        }
      }
    }
    return counts;
  }

  static List<ConsumerRecord<byte[], byte[]>> readAll(Endpoints stack, String topic) {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(stack)) {
      Map<TopicPartition, Long> start = new HashMap<>();
      consumer.partitionsFor(topic).forEach(p -> start.put(new TopicPartition(topic, p.partition()), 0L));
      return readFrom(consumer, start);
    }
  }

  private static List<ConsumerRecord<byte[], byte[]>> readFrom(Endpoints stack, Map<TopicPartition, Long> start) {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(stack)) {
      return readFrom(consumer, start);
    }
  }

  /** Reads from the given offsets up to the end offsets as they are now (committed records only). */
  private static List<ConsumerRecord<byte[], byte[]>> readFrom(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> start) {
    consumer.assign(start.keySet());
    start.forEach(consumer::seek);
    Map<TopicPartition, Long> end = consumer.endOffsets(start.keySet());
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    long deadline = System.currentTimeMillis() + 30_000;
    while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue()) && System.currentTimeMillis() < deadline) {
      consumer.poll(Duration.ofMillis(200)).forEach(records::add);
    }
    return records;
  }

  private static KafkaConsumer<byte[], byte[]> consumer(Endpoints stack) {
    return RawClients.committedReader(stack.bootstrapServers());
  }
}
