package dev.trendmill.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.trendmill.schemas.Topics;
import dev.trendmill.schemas.avro.EnrichedArticle;
import dev.trendmill.schemas.avro.EntityMention;
import dev.trendmill.schemas.avro.TrendUpdate;
import dev.trendmill.schemas.registry.InMemorySchemaRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trend topology on Kafka's test driver: counts by event time, rolling windows from buckets, scores. */
class TrendTopologyTest {
  private static final String SCOPE = "trend-topology-test";
  private static final Instant T0 = Instant.parse("2026-09-10T12:00:00Z");

  @TempDir Path stateDir;
  private TopologyTestDriver driver;
  private TestInputTopic<String, EnrichedArticle> enriched;
  private TestOutputTopic<String, TrendUpdate> trends;

  @BeforeEach
  void start() {
    AggregateConfig config =
        new AggregateConfig(
            Map.of(
                "schema.registry.url", "mock://" + SCOPE,
                "state.dir", stateDir.toString(),
                AggregateConfig.HORIZONS_CONFIG, "24h/1h",
                AggregateConfig.GRACE_CONFIG, "2h",
                AggregateConfig.BASELINE_WINDOWS_CONFIG, "2"));
    Topics topics = config.topics();
    driver = new TopologyTestDriver(TrendTopology.build(topics, config), config.streamsProperties(AggregateConfig.APPLICATION_ID, "aggregate"));
    enriched = driver.createInputTopic(topics.enriched().name(), new StringSerializer(), topics.enriched().valueSerde().serializer());
    trends = driver.createOutputTopic(topics.trends().name(), new StringDeserializer(), topics.trends().valueSerde().deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
    InMemorySchemaRegistry.dropScope(SCOPE);
  }

  private static EnrichedArticle article(String id, Instant published, String duplicateOf, String... entityIds) {
    List<EntityMention> mentions = new ArrayList<>();
    for (String entityId : entityIds) {
      mentions.add(new EntityMention(entityId, entityId.substring(entityId.indexOf(':') + 1), entityId.substring(0, entityId.indexOf(':')), 1, 0.5, 1.0));
    }
    return EnrichedArticle.newBuilder()
        .setId(id)
        .setTitle("t " + id)
        .setPublishedAt(published)
        .setIngestedAt(published)
        .setDuplicateOf(duplicateOf)
        .setEntities(mentions)
        .setExtractorVersion("test")
        .build();
  }

  /** The latest update per key, as a compacting consumer would see it. */
  private Map<String, TrendUpdate> latest() {
    Map<String, TrendUpdate> latest = new HashMap<>();
    for (KeyValue<String, TrendUpdate> kv : trends.readKeyValuesToList()) {
      latest.put(kv.key, kv.value);
    }
    return latest;
  }

  @Test
  void countsArticlesPerEntityAllTimeAndOverTheRollingWindow() {
    enriched.pipeInput("a1", article("a1", T0, null, "project:kubernetes", "project:dapr"));
    enriched.pipeInput("a2", article("a2", T0.plus(Duration.ofMinutes(30)), null, "project:kubernetes"));
    enriched.pipeInput("a3", article("a3", T0.plus(Duration.ofHours(3)), null, "project:kubernetes"));
    Map<String, TrendUpdate> latest = latest();

    assertThat(latest.get("project:kubernetes|all").getCount()).isEqualTo(3);
    assertThat(latest.get("project:dapr|all").getCount()).isEqualTo(1);
    TrendUpdate day = latest.get("project:kubernetes|24h");
    assertThat(day.getCount()).isEqualTo(3);
    assertThat(day.getWindowEnd()).isEqualTo(Instant.parse("2026-09-10T16:00:00Z"));
    assertThat(day.getWindowStart()).isEqualTo(Instant.parse("2026-09-09T16:00:00Z"));
    assertThat(day.getName()).isEqualTo("kubernetes");
    assertThat(day.getType()).isEqualTo("project");
  }

  @Test
  void anEntityNamedTwiceInOneArticleCountsOnce() {
    enriched.pipeInput("a1", article("a1", T0, null, "project:kubernetes", "project:kubernetes"));
    assertThat(latest().get("project:kubernetes|all").getCount()).isEqualTo(1);
  }

  @Test
  void nearDuplicatesDoNotCountAgain() {
    enriched.pipeInput("a1", article("a1", T0, null, "project:kubernetes"));
    enriched.pipeInput("a2", article("a2", T0, "a1", "project:kubernetes"));
    assertThat(latest().get("project:kubernetes|all").getCount()).isEqualTo(1);
  }

  @Test
  void windowsSlideByEventTimeAndTheScoreComparesWithTheBaseline() {
    // Two quiet days with one article each, then a busy day with four.
    enriched.pipeInput("d1", article("d1", T0.minus(Duration.ofDays(2)), null, "project:argo"));
    enriched.pipeInput("d2", article("d2", T0.minus(Duration.ofDays(1)), null, "project:argo"));
    for (int i = 0; i < 4; i++) {
      enriched.pipeInput("n" + i, article("n" + i, T0.plus(Duration.ofMinutes(i)), null, "project:argo"));
    }
    TrendUpdate day = latest().get("project:argo|24h");
    assertThat(day.getCount()).isEqualTo(4); // the window (T0-23h, T0+1h] holds only the busy day
    assertThat(day.getBaseline()).isEqualTo(1.0); // mean of the 2 windows before
    assertThat(day.getScore()).isCloseTo((4 - 1.0) / Math.sqrt(2.0), within(1e-9));
  }

  @Test
  void articlesLaterThanTheGraceCountAllTimeButNotInWindows() {
    enriched.pipeInput("new", article("new", T0, null, "project:envoy"));
    enriched.pipeInput("late", article("late", T0.minus(Duration.ofHours(5)), null, "project:envoy"));
    List<KeyValue<String, TrendUpdate>> updates = trends.readKeyValuesToList();
    assertThat(updates).extracting(kv -> kv.key).containsExactly("project:envoy|all", "project:envoy|24h", "project:envoy|all");
    assertThat(updates.get(2).value.getCount()).isEqualTo(2);
    KeyValueStore<String, TrendUpdate> store = driver.getKeyValueStore(StoreNames.ALL_TIME);
    assertThat(store.get("project:envoy").getCount()).isEqualTo(2);
  }

  @Test
  void allTimeCountsMatchABruteForceTallyOnRandomInput() {
    Random random = new Random(42);
    String[] entities = {"project:a", "project:b", "project:c", "organization:d", "organization:e"};
    Map<String, Long> expected = new HashMap<>();
    for (int i = 0; i < 300; i++) {
      List<String> named = new ArrayList<>();
      for (String entity : entities) {
        if (random.nextInt(3) == 0) {
          named.add(entity);
          expected.merge(entity, 1L, Long::sum);
        }
      }
      Instant published = T0.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 3)));
      enriched.pipeInput("r" + i, article("r" + i, published, null, named.toArray(String[]::new)));
    }
    KeyValueStore<String, TrendUpdate> store = driver.getKeyValueStore(StoreNames.ALL_TIME);
    expected.forEach((entity, count) -> assertThat(store.get(entity).getCount()).as(entity).isEqualTo(count));
  }
}
