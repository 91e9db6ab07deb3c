package dev.trendmill.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trendmill.enrich.extract.CatalogEntry;
import dev.trendmill.enrich.extract.EntityExtractor;
import dev.trendmill.schemas.Topics;
import dev.trendmill.schemas.avro.Article;
import dev.trendmill.schemas.avro.EnrichedArticle;
import dev.trendmill.schemas.avro.EntityMention;
import dev.trendmill.schemas.registry.InMemorySchemaRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The enrich topology on Kafka's test driver: articles in, enriched articles out, undecodable input dead-lettered. */
class EnrichTopologyTest {
  private static final String SCOPE = "enrich-topology-test";

  @TempDir Path stateDir;
  private TopologyTestDriver driver;
  private TestInputTopic<String, Article> articles;
  private TestInputTopic<String, byte[]> rawArticles;
  private TestOutputTopic<String, EnrichedArticle> enriched;

  @BeforeEach
  void start() {
    EnrichConfig config = new EnrichConfig(Map.of("schema.registry.url", "mock://" + SCOPE, "state.dir", stateDir.toString()));
    Topics topics = config.topics();
    EntityExtractor extractor =
        new EntityExtractor(
            List.of(
                new CatalogEntry("project:kubernetes", "Kubernetes", "project", List.of("K8s"), Map.of()),
                new CatalogEntry("project:dapr", "Dapr", "project", List.of(), Map.of()),
                new CatalogEntry("organization:red-hat", "Red Hat", "organization", List.of(), Map.of())));
    Properties props = config.streamsProperties(EnrichConfig.APPLICATION_ID, "enrich");
    driver = new TopologyTestDriver(EnrichTopology.build(topics, extractor), props);
    articles =
        driver.createInputTopic(topics.articles().name(), new StringSerializer(), topics.articles().valueSerde().serializer());
    rawArticles = driver.createInputTopic(topics.articles().name(), new StringSerializer(), new ByteArraySerializer());
    enriched =
        driver.createOutputTopic(topics.enriched().name(), new StringDeserializer(), topics.enriched().valueSerde().deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
    InMemorySchemaRegistry.dropScope(SCOPE);
  }

  private static Article article(String id, String title, String body) {
    Instant published = Instant.parse("2026-09-01T10:00:00Z");
    return Article.newBuilder()
        .setId(id)
        .setUrl("https://news.example.org/" + id)
        .setTitle(title)
        .setBody(body)
        .setPublishedAt(published)
        .setIngestedAt(published.plusSeconds(60))
        .setSource("Example News")
        .build();
  }

  @Test
  void enrichesEachArticleWithItsEntitiesOnceAndKeepsItsMetadata() {
    articles.pipeInput("a1", article("a1", "Dapr on Kubernetes", "Red Hat runs Dapr on K8s. Kubernetes again."));
    TestRecord<String, EnrichedArticle> out = enriched.readRecord();
    assertThat(out.key()).isEqualTo("a1");
    EnrichedArticle value = out.value();
    assertThat(value.getTitle()).isEqualTo("Dapr on Kubernetes");
    assertThat(value.getPublishedAt()).isEqualTo(Instant.parse("2026-09-01T10:00:00Z"));
    assertThat(value.getSource()).isEqualTo("Example News");
    assertThat(value.getExtractorVersion()).isEqualTo(EntityExtractor.VERSION);
    assertThat(value.getEntities())
        .extracting(EntityMention::getEntityId)
        .containsExactlyInAnyOrder("project:kubernetes", "project:dapr", "organization:red-hat");
    EntityMention kubernetes =
        value.getEntities().stream().filter(m -> m.getEntityId().equals("project:kubernetes")).findFirst().orElseThrow();
    assertThat(kubernetes.getMentions()).isEqualTo(3);
    assertThat(kubernetes.getType()).isEqualTo("project");
    assertThat(enriched.isEmpty()).isTrue();
  }

  @Test
  void articleWithoutKnownEntitiesIsStillPublished() {
    articles.pipeInput("a2", article("a2", "Quiet week", "Nothing to see here."));
    assertThat(enriched.readValue().getEntities()).isEmpty();
  }

  /**
   * The test driver calls the application's dead-letter handler (the default handler would fail the stream) but does
   * not capture the dead-letter records it returns; PipelineIT checks them on a real broker.
   */
  @Test
  void undecodableRecordDoesNotStopTheStream() {
    rawArticles.pipeInput("bad", "not avro".getBytes(StandardCharsets.UTF_8));
    articles.pipeInput("a3", article("a3", "Dapr 2.0", "Dapr ships."));
    assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("a3");
  }
}
