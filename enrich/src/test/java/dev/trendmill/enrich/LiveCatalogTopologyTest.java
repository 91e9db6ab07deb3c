package dev.trendmill.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trendmill.enrich.catalog.CatalogRecords;
import dev.trendmill.enrich.catalog.LiveCatalog;
import dev.trendmill.enrich.extract.CatalogEntry;
import dev.trendmill.schemas.Topics;
import dev.trendmill.schemas.avro.Article;
import dev.trendmill.schemas.avro.CatalogEntity;
import dev.trendmill.schemas.avro.EnrichedArticle;
import dev.trendmill.schemas.avro.EntityMention;
import dev.trendmill.schemas.registry.InMemorySchemaRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live topology: the catalog comes from the entities.catalog topic and its changes apply to the next article. */
class LiveCatalogTopologyTest {
  private static final String SCOPE = "live-catalog-topology-test";

  @TempDir Path stateDir;
  private TopologyTestDriver driver;
  private TestInputTopic<String, CatalogEntity> catalog;
  private TestInputTopic<String, Article> articles;
  private TestOutputTopic<String, EnrichedArticle> enriched;

  @BeforeEach
  void start() {
    EnrichConfig config = new EnrichConfig(Map.of("schema.registry.url", "mock://" + SCOPE, "state.dir", stateDir.toString()));
    Topics topics = config.topics();
    driver = new TopologyTestDriver(EnrichTopology.build(topics, new LiveCatalog(Duration.ZERO)), config.streamsProperties(EnrichConfig.APPLICATION_ID, "enrich"));
    catalog = driver.createInputTopic(topics.catalog().name(), new StringSerializer(), topics.catalog().valueSerde().serializer());
    articles = driver.createInputTopic(topics.articles().name(), new StringSerializer(), topics.articles().valueSerde().serializer());
    enriched = driver.createOutputTopic(topics.enriched().name(), new StringDeserializer(), topics.enriched().valueSerde().deserializer());
    catalog.pipeInput("project:kubernetes", entity("project:kubernetes", "Kubernetes"));
  }

  @AfterEach
  void stop() {
    driver.close();
    InMemorySchemaRegistry.dropScope(SCOPE);
  }

  private static CatalogEntity entity(String id, String name) {
    return CatalogRecords.toAvro(new CatalogEntry(id, name, id.substring(0, id.indexOf(':')), List.of(), Map.of()));
  }

  private List<String> enrich(String id, String body) {
    Instant published = Instant.parse("2026-09-01T10:00:00Z");
    articles.pipeInput(id, Article.newBuilder().setId(id).setTitle("News").setBody(body).setPublishedAt(published).setIngestedAt(published).build());
    return enriched.readValue().getEntities().stream().map(EntityMention::getEntityId).sorted().toList();
  }

  @Test
  void anAddedEntityIsFoundInTheNextArticleAndARemovedOneNoLonger() {
    String text = "Zorblat Mesh now runs on Kubernetes.";
    assertThat(enrich("a1", text)).containsExactly("project:kubernetes");

    catalog.pipeInput("project:zorblat-mesh", entity("project:zorblat-mesh", "Zorblat Mesh"));
    assertThat(enrich("a2", text)).containsExactly("project:kubernetes", "project:zorblat-mesh");

    catalog.pipeInput("project:zorblat-mesh", (CatalogEntity) null);
    assertThat(enrich("a3", text)).containsExactly("project:kubernetes");
  }

  @Test
  void aChangedEntityIsUsedWithItsNewAliases() {
    catalog.pipeInput("project:kubernetes", CatalogRecords.toAvro(
        new CatalogEntry("project:kubernetes", "Kubernetes", "project", List.of("K8s"), Map.of())));
    assertThat(enrich("b1", "We run K8s.")).containsExactly("project:kubernetes");
  }
}
