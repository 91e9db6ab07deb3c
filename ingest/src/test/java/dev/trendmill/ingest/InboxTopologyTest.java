package dev.trendmill.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trendmill.ingest.normalize.ArticleIds;
import dev.trendmill.schemas.Topics;
import dev.trendmill.schemas.avro.Article;
import dev.trendmill.schemas.deadletter.DeadLetterHeaders;
import dev.trendmill.schemas.registry.InMemorySchemaRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.header.Headers;
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
 * The inbox topology on Kafka's test driver, configured exactly as the service runs it (same streams properties,
 * so the same dead-letter handler): valid JSON comes out as Avro articles keyed by id, and every invalid record
 * lands on the dead-letter topic unchanged with its reason, without stopping the records behind it.
 */
final class InboxTopologyTest {
  private static final Instant T0 = Instant.parse("2026-05-01T12:00:00Z");

  @TempDir Path stateDir;
  private String scope;
  private TopologyTestDriver driver;
  private TestInputTopic<byte[], byte[]> inbox;
  private TestOutputTopic<String, Article> articles;
  private TestOutputTopic<byte[], byte[]> deadLetters;

  @BeforeEach
  void start() {
    scope = "inbox-topology-" + UUID.randomUUID();
    IngestConfig config =
        new IngestConfig(
            Map.of(
                "schema.registry.url", "mock://" + scope,
                "state.dir", stateDir.toString(),
                IngestConfig.MAX_BODY_BYTES_CONFIG, "200"));
    Topics topics = config.topics();
    Properties props = config.streamsProperties(IngestConfig.APPLICATION_ID, "ingest");
    driver = new TopologyTestDriver(InboxTopology.build(topics, config), props, T0);
    inbox = driver.createInputTopic(topics.inbox().name(), new ByteArraySerializer(), new ByteArraySerializer());
    articles =
        driver.createOutputTopic(topics.articles().name(), new StringDeserializer(), topics.articles().valueSerde().deserializer());
    deadLetters = driver.createOutputTopic(topics.deadLetters().name(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
    InMemorySchemaRegistry.dropScope(scope);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private void send(String key, byte[] value) {
    inbox.pipeInput(key == null ? null : utf8(key), value, T0);
  }

  @Test
  void aValidArticleComesOutKeyedByItsId() {
    Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS); // Avro keeps milliseconds
    send(
        "producer-key",
        utf8(
            """
            {"url": "https://Example.com/news/k8s?utm_source=rss#top", "title": "  Kubernetes   2.0 ",
             "body": "First paragraph.\\n\\n\\nSecond   one.", "published_at": "2026-04-30T08:00:00+02:00",
             "source": "example", "tags": ["cloud", " k8s "]}
            """));

    TestRecord<String, Article> out = articles.readRecord();
    Article article = out.value();
    assertThat(out.key()).isEqualTo(article.getId()).isEqualTo(ArticleIds.fromUrl("https://example.com/news/k8s"));
    assertThat(article.getUrl()).isEqualTo("https://example.com/news/k8s");
    assertThat(article.getTitle()).isEqualTo("Kubernetes 2.0");
    assertThat(article.getBody()).isEqualTo("First paragraph.\n\nSecond one.");
    assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2026-04-30T06:00:00Z"));
    assertThat(article.getPublishedAtInferred()).isFalse();
    assertThat(article.getIngestedAt()).isBetween(before, Instant.now());
    assertThat(article.getSource()).isEqualTo("example");
    assertThat(article.getTags()).containsExactly("cloud", "k8s");
    assertThat(articles.isEmpty()).isTrue();
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void anArticleWithoutUrlOrIdIsKeyedByItsContent() {
    send(null, utf8("{\"title\": \"No url\", \"text\": \"Only text.\"}"));

    TestRecord<String, Article> out = articles.readRecord();
    assertThat(out.key()).isEqualTo(ArticleIds.fromContent("No url", "Only text.")).isEqualTo(out.value().getId());
    assertThat(out.value().getPublishedAtInferred()).isTrue();
  }

  @Test
  void anInvalidRecordIsDeadLetteredUnchangedWithItsReason() {
    byte[] value = utf8("{\"body\": \"a body but no title\"}");
    inbox.pipeInput(utf8("k-1"), value, T0.plusSeconds(5));

    assertThat(articles.isEmpty()).isTrue();
    List<TestRecord<byte[], byte[]>> letters = deadLetters.readRecordsToList();
    assertThat(letters).hasSize(1);
    TestRecord<byte[], byte[]> letter = letters.getFirst();
    assertThat(letter.key()).containsExactly(utf8("k-1"));
    assertThat(letter.value()).containsExactly(value);
    Headers headers = letter.headers();
    assertThat(DeadLetterHeaders.get(headers, DeadLetterHeaders.STAGE)).isEqualTo("ingest");
    assertThat(DeadLetterHeaders.get(headers, DeadLetterHeaders.REASON)).isEqualTo("missing-title");
    assertThat(DeadLetterHeaders.get(headers, DeadLetterHeaders.MESSAGE)).isNotBlank();
    assertThat(DeadLetterHeaders.get(headers, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("articles.inbox");
    assertThat(DeadLetterHeaders.get(headers, DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("0");
    assertThat(DeadLetterHeaders.get(headers, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("0");
    assertThat(DeadLetterHeaders.get(headers, DeadLetterHeaders.TIME)).isNotBlank();
    assertThat(letter.timestamp()).isEqualTo(T0.plusSeconds(5).toEpochMilli());
  }

  @Test
  void everyRecordEndsUpOnExactlyOneTopicAndBadOnesDoNotStopTheRest() {
    record Input(byte[] value, String reason) {}
    List<Input> inputs =
        List.of(
            new Input(utf8("{\"title\": \"One\", \"body\": \"First.\"}"), null),
            new Input(utf8("{\"title\": \"Broken\", \"body\": "), "not-json"),
            new Input(utf8("{\"title\": \"Two\", \"content\": \"Second.\", \"published_at\": 1777636800000}"), null),
            new Input(new byte[] {0, 0, 0, 0, 7, 2, (byte) 0xff}, "not-json"),
            new Input(utf8("[1, 2, 3]"), "not-an-object"),
            new Input(utf8("{\"title\": \"Three\", \"body\": \"Third.\", \"url\": \"https://example.com/3\"}"), null),
            new Input(utf8("{\"title\": 42, \"body\": \"x\"}"), "wrong-type"),
            new Input(utf8("{\"title\": \"Big\", \"body\": \"" + "x".repeat(201) + "\"}"), "body-too-large"),
            new Input(utf8("{\"title\": \"Date\", \"body\": \"x\", \"published_at\": \"someday\"}"), "invalid-published-at"),
            new Input(new byte[0], "empty"),
            new Input(utf8("{\"title\": \"Far\", \"body\": \"x\", \"published_at\": \"+999999999-01-01T00:00:00Z\"}"), "invalid-published-at"),
            new Input(utf8("{\"title\": \"A\", \"body\": \"a\"}{\"title\": \"B\", \"body\": \"b\"}"), "not-json"),
            new Input(utf8("{\"title\": \"Four\", \"body\": \"Fourth.\", \"published_at\": \"2026-04-01\"}"), null),
            new Input(utf8("{\"url\": \"https://example.com/empty\"}"), "no-title-no-body"));
    for (int i = 0; i < inputs.size(); i++) {
      inbox.pipeInput(utf8("key-" + i), inputs.get(i).value(), T0.plusSeconds(i));
    }

    List<TestRecord<String, Article>> published = articles.readRecordsToList();
    List<TestRecord<byte[], byte[]>> letters = deadLetters.readRecordsToList();

    List<Input> valid = inputs.stream().filter(input -> input.reason() == null).toList();
    List<Input> invalid = inputs.stream().filter(input -> input.reason() != null).toList();
    assertThat(published).hasSize(valid.size());
    assertThat(published).extracting(record -> record.value().getTitle()).containsExactly("One", "Two", "Three", "Four");
    assertThat(published).allSatisfy(record -> assertThat(record.key()).isEqualTo(record.value().getId()));
    assertThat(letters).hasSize(invalid.size());
    List<String> offsets = new ArrayList<>();
    for (int i = 0; i < letters.size(); i++) {
      TestRecord<byte[], byte[]> letter = letters.get(i);
      assertThat(letter.value()).as("dead letter %d is the original bytes", i).containsExactly(invalid.get(i).value());
      assertThat(DeadLetterHeaders.get(letter.headers(), DeadLetterHeaders.REASON)).isEqualTo(invalid.get(i).reason());
      offsets.add(DeadLetterHeaders.get(letter.headers(), DeadLetterHeaders.SOURCE_OFFSET));
    }
    List<String> expectedOffsets = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      if (inputs.get(i).reason() != null) {
        expectedOffsets.add(Integer.toString(i));
      }
    }
    assertThat(offsets).containsExactlyElementsOf(expectedOffsets);
  }

  @Test
  void theSameStoryFromTwoFeedsGetsTheSameKeyAndIsPublishedOnce() {
    send(null, utf8("{\"url\": \"https://example.com/story?id=7&utm_medium=social\", \"title\": \"A\", \"body\": \"x\"}"));
    send(null, utf8("{\"url\": \"https://EXAMPLE.com/story?id=7#comments\", \"title\": \"A\", \"body\": \"x\"}"));
    send(null, utf8("{\"url\": \"https://example.com/story?id=8\", \"title\": \"A\", \"body\": \"x\"}"));

    List<String> keys = articles.readRecordsToList().stream().map(TestRecord::key).toList();
    assertThat(keys)
        .containsExactly(ArticleIds.fromUrl("https://example.com/story?id=7"), ArticleIds.fromUrl("https://example.com/story?id=8"));
    assertThat(IngestMetrics.value(driver.metrics(), IngestMetrics.DUPLICATES_SUPPRESSED)).isEqualTo(1);
    assertThat(deadLetters.isEmpty()).isTrue();
  }
}
