package dev.trendmill.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trendmill.schemas.Topics;
import dev.trendmill.schemas.avro.Article;
import dev.trendmill.schemas.deadletter.DeadLetterHeaders;
import dev.trendmill.schemas.registry.InMemorySchemaRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * De-duplication and the books of the inbox topology on Kafka's test driver, configured as the service runs it:
 * exact copies are published once per retention window and counted, near-duplicates are published with
 * {@code duplicate_of}, and on a mixed batch of well over 1,000 records (valid, duplicated, edited, random bytes,
 * truncated JSON, huge and empty bodies) records in = articles out + duplicates suppressed + dead letters, exactly.
 */
final class InboxDeduplicationTest {
  private static final Instant T0 = Instant.parse("2026-05-01T12:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY = 4096;

  @TempDir Path stateDir;
  private String scope;
  private TopologyTestDriver driver;
  private TestInputTopic<byte[], byte[]> inbox;
  private TestOutputTopic<String, Article> articles;
  private TestOutputTopic<byte[], byte[]> deadLetters;
  private final Random random = new Random(7);
  private final List<String> vocabulary = new ArrayList<>();

  @BeforeEach
  void start() {
    scope = "inbox-dedup-" + UUID.randomUUID();
    IngestConfig config =
        new IngestConfig(
            Map.of(
                "schema.registry.url", "mock://" + scope,
                "state.dir", stateDir.toString(),
                IngestConfig.MAX_BODY_BYTES_CONFIG, Integer.toString(MAX_BODY),
                IngestConfig.DEDUP_RETENTION_CONFIG, "7d"));
    Topics topics = config.topics();
    Properties props = config.streamsProperties(IngestConfig.APPLICATION_ID, "ingest");
    driver = new TopologyTestDriver(InboxTopology.build(topics, config), props, T0);
    inbox = driver.createInputTopic(topics.inbox().name(), new ByteArraySerializer(), new ByteArraySerializer());
    articles = driver.createOutputTopic(topics.articles().name(), new StringDeserializer(), topics.articles().valueSerde().deserializer());
    deadLetters = driver.createOutputTopic(topics.deadLetters().name(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    for (int i = 0; i < 3000; i++) {
      vocabulary.add(word(i));
    }
  }

  @AfterEach
  void stop() {
    driver.close();
    InMemorySchemaRegistry.dropScope(scope);
  }

  @Test
  void anExactCopyIsPublishedOnceWithinTheRetentionAndAgainAfterIt() {
    byte[] article = article("https://example.com/a", "Dapr 2.0 released", prose(60));
    inbox.pipeInput(null, article, T0);
    inbox.pipeInput(null, article, T0.plus(Duration.ofDays(6)));
    assertThat(articles.readRecordsToList()).hasSize(1);
    assertThat(IngestMetrics.value(driver.metrics(), IngestMetrics.DUPLICATES_SUPPRESSED)).isEqualTo(1);

    inbox.pipeInput(null, article, T0.plus(Duration.ofDays(14)));
    assertThat(articles.readRecordsToList()).hasSize(1);
    assertThat(IngestMetrics.value(driver.metrics(), IngestMetrics.DUPLICATES_SUPPRESSED)).isEqualTo(1);
  }

  @Test
  void aSyndicatedCopyWithLightEditsIsPublishedAsADuplicateOfTheFirst() {
    String body = prose(150);
    inbox.pipeInput(null, article("https://first.example/story", "Kubernetes 1.40 ships sidecars", body), T0);
    String edited = body.replaceFirst("\\\\S+", "Meanwhile") + "\n\nThis story first appeared on first.example.";
    inbox.pipeInput(null, article("https://second.example/copy", "Kubernetes 1.40 ships sidecars", edited), T0.plusSeconds(60));
    inbox.pipeInput(null, article("https://third.example/other", "Another story entirely", prose(150)), T0.plusSeconds(120));

    List<TestRecord<String, Article>> out = articles.readRecordsToList();
    assertThat(out).hasSize(3);
    assertThat(out.get(0).value().getDuplicateOf()).isNull();
    assertThat(out.get(1).value().getDuplicateOf()).isEqualTo(out.get(0).key());
    assertThat(out.get(2).value().getDuplicateOf()).isNull();
    assertThat(IngestMetrics.value(driver.metrics(), IngestMetrics.NEAR_DUPLICATES)).isEqualTo(1);
  }

  @Test
  void recordsInEqualArticlesOutPlusDuplicatesSuppressedPlusDeadLetters() throws Exception {
    List<byte[]> batch = new ArrayList<>();
    Map<String, Integer> expectedReasons = new HashMap<>();
    List<byte[]> originals = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      byte[] record = article("https://news.example/" + i, "Story number " + i, prose(120 + random.nextInt(80)));
      originals.add(record);
      batch.add(record);
    }
    int exactCopies = 0;
    for (int i = 0; i < 150; i++) { // byte-identical resends, and the same URL with another body
      byte[] original = originals.get(random.nextInt(originals.size()));
      if (i % 2 == 0) {
        batch.add(original);
      } else {
        ObjectNode node = (ObjectNode) JSON.readTree(original);
        node.put("body", prose(50));
        batch.add(JSON.writeValueAsBytes(node));
      }
      exactCopies++;
    }
    int nearCopies = 0;
    for (int i = 0; i < 60; i++) { // syndicated: another URL, a footer added
      ObjectNode node = (ObjectNode) JSON.readTree(originals.get(i * 7));
      node.put("url", "https://mirror.example/" + i);
      node.put("body", node.get("body").asText() + "\n\nRepublished with permission.");
      batch.add(JSON.writeValueAsBytes(node));
      nearCopies++;
    }
    for (int i = 0; i < 120; i++) {
      byte[] bytes = new byte[1 + random.nextInt(200)];
      random.nextBytes(bytes);
      bytes[0] = (byte) 0xfe; // never a valid start of JSON
      batch.add(bytes);
      expectedReasons.merge("not-json", 1, Integer::sum);
    }
    for (int i = 0; i < 120; i++) {
      byte[] full = originals.get(i);
      batch.add(java.util.Arrays.copyOf(full, 1 + random.nextInt(full.length - 2)));
      expectedReasons.merge("not-json", 1, Integer::sum);
    }
    for (int i = 0; i < 40; i++) {
      batch.add(article("https://huge.example/" + i, "Huge " + i, "y".repeat(MAX_BODY + 1 + i)));
      expectedReasons.merge("body-too-large", 1, Integer::sum);
    }
    for (int i = 0; i < 40; i++) {
      batch.add(article("https://empty.example/" + i, "Empty " + i, i % 2 == 0 ? "" : "   \n  "));
      expectedReasons.merge("missing-body", 1, Integer::sum);
    }
    for (int i = 0; i < 30; i++) {
      batch.add(article("https://furniture.example/" + i, "Only furniture " + i, "<nav><a href='/'>Home</a></nav><p>Share on Facebook | Twitter | Email</p>"));
      expectedReasons.merge("empty-after-cleaning", 1, Integer::sum);
    }
    for (int i = 0; i < 30; i++) {
      batch.add(("{\"title\": " + i + ", \"body\": \"numbers are not titles\"}").getBytes(StandardCharsets.UTF_8));
      expectedReasons.merge("wrong-type", 1, Integer::sum);
    }
    for (int i = 0; i < 20; i++) {
      batch.add(("[" + i + "]").getBytes(StandardCharsets.UTF_8));
      expectedReasons.merge("not-an-object", 1, Integer::sum);
    }
    // Originals first (so "first" is well defined), then everything else in random order.
    List<byte[]> rest = new ArrayList<>(batch.subList(originals.size(), batch.size()));
    Collections.shuffle(rest, random);
    List<byte[]> in = new ArrayList<>(originals);
    in.addAll(rest);
    for (int i = 0; i < in.size(); i++) {
      inbox.pipeInput(null, in.get(i), T0.plusMillis(i));
    }

    List<TestRecord<String, Article>> out = articles.readRecordsToList();
    List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
    long suppressed = IngestMetrics.value(driver.metrics(), IngestMetrics.DUPLICATES_SUPPRESSED);

    assertThat(in).hasSizeGreaterThanOrEqualTo(1000);
    assertThat(out.size() + suppressed + dead.size()).isEqualTo(in.size());
    assertThat(suppressed).isEqualTo(exactCopies);
    assertThat(out).hasSize(originals.size() + nearCopies);
    Map<String, Integer> reasons =
        dead.stream().collect(Collectors.toMap(r -> DeadLetterHeaders.get(r.headers(), DeadLetterHeaders.REASON), r -> 1, Integer::sum));
    assertThat(reasons).isEqualTo(expectedReasons);
    Set<String> ids = new HashSet<>();
    out.forEach(record -> assertThat(ids.add(record.key())).as("id %s published once", record.key()).isTrue());
    List<TestRecord<String, Article>> marked = out.stream().filter(r -> r.value().getDuplicateOf() != null).toList();
    // SimHash is a sketch: the threshold catches about 96% of light edits (NearDuplicateThresholdTest), so a few
    // syndicated copies may go out as first articles; none of the 500 distinct stories may be marked.
    assertThat(marked).hasSizeBetween((int) Math.ceil(nearCopies * 0.95), nearCopies);
    assertThat(marked).allSatisfy(r -> assertThat(r.value().getUrl()).startsWith("https://mirror.example/"));
    assertThat(marked).allSatisfy(r -> assertThat(ids).contains(r.value().getDuplicateOf()));
    assertThat(IngestMetrics.value(driver.metrics(), IngestMetrics.NEAR_DUPLICATES)).isEqualTo(marked.size());
  }

  private static byte[] article(String url, String title, String body) {
    ObjectNode node = JSON.createObjectNode().put("url", url).put("title", title).put("body", body);
    try {
      return JSON.writeValueAsBytes(node);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Random prose from a synthetic vocabulary: different calls give texts that share no story. */
  private String prose(int words) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < words; i++) {
      out.append(vocabulary.get(random.nextInt(vocabulary.size()))).append(i % 12 == 11 ? ". " : " ");
    }
    return out.toString().strip();
  }

  private static String word(int i) {
    String letters = "bcdfghjklmnprstvz";
    String vowels = "aeiou";
    StringBuilder word = new StringBuilder();
    int n = i + 1;
    while (n > 0) {
      word.append(letters.charAt(n % letters.length())).append(vowels.charAt((n / letters.length()) % vowels.length()));
      n /= letters.length() * vowels.length();
    }
    return word.toString();
  }
}
