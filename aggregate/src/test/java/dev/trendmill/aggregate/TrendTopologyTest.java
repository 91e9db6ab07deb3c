package dev.trendmill.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.trendmill.schemas.Topics;
import dev.trendmill.schemas.avro.EnrichedArticle;
import dev.trendmill.schemas.avro.EntityMention;
import dev.trendmill.schemas.avro.ArticleRef;
import dev.trendmill.schemas.avro.TopTrends;
import dev.trendmill.schemas.avro.TrendEntry;
import dev.trendmill.schemas.avro.TrendUpdate;
import dev.trendmill.schemas.registry.InMemorySchemaRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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

/** The trend topology on Kafka's test driver: counts by event time, rolling windows from buckets, scores, boards. */
class TrendTopologyTest {
  private static final String SCOPE = "trend-topology-test";
  private static final Instant T0 = Instant.parse("2026-09-10T12:00:00Z");
  private static final Duration EMIT = Duration.ofSeconds(1);
  private static final Duration BOARDS = Duration.ofSeconds(5);

  @TempDir Path stateDir;
  private TopologyTestDriver driver;
  private TestInputTopic<String, EnrichedArticle> enriched;
  private TestOutputTopic<String, TrendUpdate> trends;
  private TestOutputTopic<String, TopTrends> trendsTop;

  @BeforeEach
  void start() {
    AggregateConfig config =
        new AggregateConfig(
            Map.of(
                "schema.registry.url", "mock://" + SCOPE,
                "state.dir", stateDir.toString(),
                AggregateConfig.HORIZONS_CONFIG, "24h/1h",
                AggregateConfig.GRACE_CONFIG, "2h",
                AggregateConfig.BASELINE_WINDOWS_CONFIG, "2",
                AggregateConfig.MIN_COUNT_CONFIG, "1",
                AggregateConfig.EMIT_INTERVAL_CONFIG, "1s",
                AggregateConfig.LEADERBOARD_INTERVAL_CONFIG, "5s"));
    Topics topics = config.topics();
    // One partition: the driver gives every topic one (MentionPartitionsTest covers the grouping by partition).
    driver = new TopologyTestDriver(TrendTopology.build(topics, config.settings(), 1), config.streamsProperties(AggregateConfig.APPLICATION_ID, "aggregate"));
    enriched = driver.createInputTopic(topics.enriched().name(), new StringSerializer(), topics.enriched().valueSerde().serializer());
    trends = driver.createOutputTopic(topics.trends().name(), new StringDeserializer(), topics.trends().valueSerde().deserializer());
    trendsTop = driver.createOutputTopic(topics.trendsTop().name(), new StringDeserializer(), topics.trendsTop().valueSerde().deserializer());
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
        .setUrl("https://news.example.org/" + id)
        .setPublishedAt(published)
        .setIngestedAt(published)
        .setDuplicateOf(duplicateOf)
        .setEntities(mentions)
        .setExtractorVersion("test")
        .build();
  }

  /** Lets the emit interval pass, then returns every update sent, in order. */
  private List<KeyValue<String, TrendUpdate>> emitted() {
    driver.advanceWallClockTime(EMIT);
    return trends.readKeyValuesToList();
  }

  /** The latest update per key, as a compacting consumer would see it. */
  private Map<String, TrendUpdate> latest() {
    Map<String, TrendUpdate> latest = new HashMap<>();
    for (KeyValue<String, TrendUpdate> kv : emitted()) {
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
    assertThat(day.getIsFinal()).isFalse();
  }

  @Test
  void nothingIsSentBeforeTheEmitIntervalAndABurstSendsOneUpdatePerKey() {
    for (int i = 0; i < 100; i++) {
      enriched.pipeInput("b" + i, article("b" + i, T0.plusSeconds(i), null, "project:argo"));
    }
    assertThat(trends.isEmpty()).isTrue();
    List<KeyValue<String, TrendUpdate>> sent = emitted();
    assertThat(sent).extracting(kv -> kv.key).containsExactlyInAnyOrder("project:argo|all", "project:argo|24h");
    assertThat(sent).allSatisfy(kv -> assertThat(kv.value.getCount()).isEqualTo(100));
    assertThat(emitted()).isEmpty();
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
    String other = "project:linkerd";
    enriched.pipeInput("new", article("new", T0, null, "project:envoy", other));
    enriched.pipeInput("late", article("late", T0.minus(Duration.ofHours(5)), null, "project:envoy", other));
    Map<String, TrendUpdate> latest = latest();
    KeyValueStore<String, TrendUpdate> store = driver.getKeyValueStore(StoreNames.ALL_TIME);
    for (String entity : List.of("project:envoy", other)) {
      assertThat(latest.get(entity + "|all").getCount()).isEqualTo(2);
      assertThat(latest.get(entity + "|24h").getCount()).isEqualTo(1);
      assertThat(store.get(entity).getCount()).isEqualTo(2);
    }
    assertThat(lateArticlesTotal()).as("an article, not each of its entities").isEqualTo(1.0);
  }

  private double lateArticlesTotal() {
    return driver.metrics().entrySet().stream()
        .filter(e -> e.getKey().name().equals("late-articles-total"))
        .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
        .sum();
  }

  @Test
  void aWindowsFinalCountGoesOutOnceEventTimePassesItsEndPlusGrace() {
    enriched.pipeInput("a1", article("a1", T0.plusSeconds(10), null, "project:cilium"));
    enriched.pipeInput("a2", article("a2", T0.plusSeconds(20), null, "project:cilium"));
    emitted();
    // Window (…, 13:00) closes at 13:00 + 2h grace; an article at 15:00 moves event time there.
    enriched.pipeInput("later", article("later", T0.plus(Duration.ofHours(3)), null, "project:other"));
    List<KeyValue<String, TrendUpdate>> finals = emitted().stream().filter(kv -> kv.value.getIsFinal()).toList();
    assertThat(finals).hasSize(1);
    TrendUpdate fin = finals.get(0).value;
    assertThat(finals.get(0).key).isEqualTo("project:cilium|24h");
    assertThat(fin.getCount()).isEqualTo(2);
    assertThat(fin.getWindowEnd()).isEqualTo(Instant.parse("2026-09-10T13:00:00Z"));
  }

  @Test
  void everyWindowHoldingAnEntityGetsExactlyOneFinalEqualToABruteForceCount() {
    Random random = new Random(5);
    String[] entities = {"project:a", "project:b", "organization:c", "topic:d"};
    List<long[]> published = new ArrayList<>(); // {entity index, time}
    long time = T0.toEpochMilli();
    for (int i = 0; i < 300; i++) {
      // Mostly minutes apart, sometimes a quiet day: windows with nothing in them must be skipped, not stalled on.
      time += random.nextInt(20) == 0 ? Duration.ofHours(30).toMillis() : Duration.ofMinutes(random.nextInt(40)).toMillis();
      int e = random.nextInt(entities.length);
      published.add(new long[] {e, time});
      enriched.pipeInput("f" + i, article("f" + i, Instant.ofEpochMilli(time), null, entities[e]));
    }
    // Move event time far past the last window's end plus the 2 h grace so every window closes.
    enriched.pipeInput("last", article("last", Instant.ofEpochMilli(time).plus(Duration.ofDays(3)), null, "topic:other"));
    Map<String, TrendUpdate> finals = new HashMap<>();
    for (KeyValue<String, TrendUpdate> kv : emitted()) {
      if (kv.value.getIsFinal() && !kv.key.startsWith("topic:other")) {
        String window = kv.key + "@" + kv.value.getWindowEnd().toEpochMilli();
        assertThat(finals.put(window, kv.value)).as("one final for %s", window).isNull();
      }
    }

    long hour = 3_600_000L;
    long day = 24 * hour;
    Map<String, long[]> expected = new HashMap<>(); // window → {count, previous two windows' count}
    for (long[] p : published) {
      long firstEnd = (p[1] / hour + 1) * hour;
      for (long end = firstEnd; end < firstEnd + day; end += hour) {
        String window = entities[(int) p[0]] + "|24h@" + end;
        long windowEnd = end;
        expected.computeIfAbsent(window, w -> {
          int e = (int) p[0];
          long count = published.stream().filter(q -> q[0] == e && q[1] >= windowEnd - day && q[1] < windowEnd).count();
          long before = published.stream().filter(q -> q[0] == e && q[1] >= windowEnd - 3 * day && q[1] < windowEnd - day).count();
          return new long[] {count, before};
        });
      }
    }
    assertThat(finals.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    expected.forEach((window, counts) -> {
      TrendUpdate fin = finals.get(window);
      assertThat(fin.getCount()).as("count of %s", window).isEqualTo(counts[0]);
      assertThat(fin.getBaseline()).as("baseline of %s", window).isEqualTo(counts[1] / 2.0);
    });
  }

  @Test
  void remembersTheLatestArticlesOfEachEntity() {
    // Out of order: the oldest kept is replaced by a newer one, and an article older than all ten kept is not kept.
    int[] minutes = {5, 0, 11, 3, 9, 1, 7, 10, 2, 8, 6, 4};
    for (int minute : minutes) {
      enriched.pipeInput("r" + minute, article("r" + minute, T0.plus(Duration.ofMinutes(minute)), null, "project:dapr"));
    }
    KeyValueStore<String, ArticleRef> store = driver.getKeyValueStore(StoreNames.RECENT_ARTICLES);
    List<ArticleRef> kept = new ArrayList<>();
    for (int slot = 0; slot < StoreNames.RECENT_ARTICLE_SLOTS; slot++) {
      kept.add(store.get(StoreNames.recentArticleKey("project:dapr", slot)));
    }
    assertThat(kept).extracting(ArticleRef::getArticleId)
        .containsExactlyInAnyOrder("r11", "r10", "r9", "r8", "r7", "r6", "r5", "r4", "r3", "r2");
  }

  @Test
  void leaderboardsOnTrendsTopMatchABruteForceRankingOfRandomInput() {
    Random random = new Random(7);
    String[] entities = {"project:a", "project:b", "project:c", "organization:d", "organization:e", "topic:f"};
    List<long[]> published = new ArrayList<>(); // {entity index, time}
    for (int i = 0; i < 400; i++) {
      Instant time = T0.plus(Duration.ofMinutes(i * 5L + random.nextInt(5)));
      List<String> named = new ArrayList<>();
      for (int e = 0; e < entities.length; e++) {
        if (random.nextInt(entities.length) <= e % 3) {
          named.add(entities[e]);
          published.add(new long[] {e, time.toEpochMilli()});
        }
      }
      enriched.pipeInput("p" + i, article("p" + i, time, null, named.toArray(String[]::new)));
    }
    driver.advanceWallClockTime(BOARDS);
    Map<String, TopTrends> boards = new HashMap<>();
    trendsTop.readKeyValuesToList().forEach(kv -> boards.put(kv.key, kv.value));

    // Brute force: count articles per entity in the 24h window at the latest event time and the 2 windows before.
    long now = published.stream().mapToLong(p -> p[1]).max().orElseThrow();
    long end = (now / 3_600_000L + 1) * 3_600_000L;
    long day = 86_400_000L;
    List<TrendEntry> expected = new ArrayList<>();
    for (int e = 0; e < entities.length; e++) {
      int entity = e;
      long count = published.stream().filter(p -> p[0] == entity && p[1] >= end - day && p[1] < end).count();
      long before = published.stream().filter(p -> p[0] == entity && p[1] >= end - 3 * day && p[1] < end - day).count();
      double baseline = before / 2.0;
      if (count > 0) {
        expected.add(new TrendEntry(0, entities[e], entities[e].substring(entities[e].indexOf(':') + 1), entities[e].substring(0, entities[e].indexOf(':')), count, (count - baseline) / Math.sqrt(baseline + 1)));
      }
    }
    expected.sort(Comparator.comparingDouble(TrendEntry::getScore).reversed().thenComparing(Comparator.comparingLong(TrendEntry::getCount).reversed()).thenComparing(TrendEntry::getEntityId));
    for (int i = 0; i < expected.size(); i++) {
      expected.get(i).setRank(i + 1);
    }
    assertThat(boards.get("24h|*").getEntries()).isEqualTo(expected);
    assertThat(boards.get("24h|organization").getEntries()).extracting(TrendEntry::getEntityId)
        .containsExactlyElementsOf(expected.stream().map(TrendEntry::getEntityId).filter(id -> id.startsWith("organization:")).toList());
    assertThat(boards.get("all|*").getEntries().get(0).getCount())
        .isEqualTo(published.stream().collect(java.util.stream.Collectors.groupingBy(p -> p[0], java.util.stream.Collectors.counting())).values().stream().mapToLong(Long::longValue).max().orElseThrow());

    // Unchanged boards are not sent again.
    driver.advanceWallClockTime(BOARDS);
    assertThat(trendsTop.isEmpty()).isTrue();
  }
}
