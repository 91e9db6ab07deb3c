package dev.trendmill.aggregate;

import dev.trendmill.aggregate.score.Horizon;
import dev.trendmill.aggregate.store.CommitBufferedStores;
import dev.trendmill.schemas.Topics;
import dev.trendmill.schemas.avro.ArticleMentions;
import dev.trendmill.schemas.avro.ArticleRef;
import dev.trendmill.schemas.avro.CatalogEntity;
import dev.trendmill.schemas.avro.EnrichedArticle;
import dev.trendmill.schemas.avro.TopTrends;
import dev.trendmill.schemas.avro.TrendUpdate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.TimestampExtractor;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * {@code articles.enriched} → {@code trends} and {@code trends.top}: per entity, by event time ({@code published_at}),
 * the all-time count of articles and, per horizon, the rolling count summed from tumbling buckets with its trend score;
 * and the leaderboards per horizon and entity type.
 *
 * <p>Each first copy of a story (near-duplicates are skipped) is split into its entities, grouped by the partition
 * that counts each (one repartition, one record per partition an article reaches), and {@link TrendProcessor} keeps
 * the counts. Each partition's own leaderboards go to a one-partition repartition topic where
 * {@link LeaderboardMerger} merges them. The entity catalog is read as a global table for the view.
 */
public final class TrendTopology {
  private TrendTopology() {}

  private static final String MENTIONS_REPARTITION = "mentions-by-partition";

  /** The topic the mentions cross, as Kafka Streams names it for the application {@code applicationId}. */
  public static String mentionsTopic(String applicationId) {
    return applicationId + "-" + MENTIONS_REPARTITION + "-repartition";
  }

  /**
   * @param partitions the partition count of the enriched-articles topic, which the counting gets too: mentions are
   *     grouped by the partition that counts them before they are sent ({@link MentionPartitions})
   */
  public static Topology build(Topics topics, AggregateSettings settings, int partitions) {
    MentionPartitions partitioning = new MentionPartitions(partitions);
    StreamsBuilder builder = new StreamsBuilder();

    builder.addStateStore(countingStore(StoreNames.ALL_TIME, topics.<TrendUpdate>avroSerde()));
    builder.addStateStore(countingStore(StoreNames.PENDING, Serdes.Long()));
    builder.addStateStore(countingStore(StoreNames.FINALS_SENT, Serdes.Long()));
    builder.addStateStore(countingStore(StoreNames.RECENT_ARTICLES, topics.<ArticleRef>avroSerde()));
    builder.addStateStore(keyValueStore(StoreNames.LEADERBOARD_PARTS, topics.<TopTrends>avroSerde()));
    builder.addStateStore(keyValueStore(StoreNames.LEADERBOARDS, topics.<TopTrends>avroSerde()));
    bucketStores(settings.horizons(), settings.baselineWindows(), settings.grace()).values().forEach(builder::addStateStore);

    builder.globalTable(
        topics.catalog().name(),
        Consumed.with(topics.catalog().keySerde(), topics.catalog().valueSerde()).withName("entities-catalog"),
        Materialized.<String, CatalogEntity, KeyValueStore<Bytes, byte[]>>as(StoreNames.CATALOG)
            .withKeySerde(topics.catalog().keySerde())
            .withValueSerde(topics.catalog().valueSerde()));

    KStream<String, SpecificRecord> counted =
        builder.stream(
                topics.enriched().name(),
                Consumed.with(topics.enriched().keySerde(), topics.enriched().valueSerde())
                    .withTimestampExtractor(new PublishedAtExtractor())
                    .withName("articles-enriched"))
            .filter((id, article) -> article != null && article.getDuplicateOf() == null, Named.as("first-copy-only"))
            .flatMap((id, article) -> partitioning.groups(article), Named.as("mentions-by-partition"))
            .repartition(
                Repartitioned.<String, ArticleMentions>as(MENTIONS_REPARTITION)
                    .withKeySerde(Serdes.String())
                    .withValueSerde(topics.avroSerde())
                    .withNumberOfPartitions(partitioning.partitions())
                    .withStreamPartitioner(partitioning))
            .process(() -> new TrendProcessor(settings), Named.as("count-trends"), countingStores(settings.horizons()));

    Map<String, KStream<String, SpecificRecord>> outputs =
        counted
            .split(Named.as("output-"))
            .branch((key, value) -> value instanceof TrendUpdate, Branched.as("trend-updates"))
            .branch((key, value) -> value instanceof TopTrends, Branched.as("partial-leaderboards"))
            .noDefaultBranch();

    outputs
        .get("output-trend-updates")
        .mapValues(value -> (TrendUpdate) value, Named.as("as-trend-update"))
        .to(topics.trends().name(), Produced.with(topics.trends().keySerde(), topics.trends().valueSerde()).withName("trends"));

    outputs
        .get("output-partial-leaderboards")
        .mapValues(value -> (TopTrends) value, Named.as("as-partial-leaderboard"))
        .repartition(
            Repartitioned.<String, TopTrends>as("partial-leaderboards")
                .withKeySerde(Serdes.String())
                .withValueSerde(topics.avroSerde())
                .withNumberOfPartitions(1))
        .process(
            () -> new LeaderboardMerger(settings.topN()),
            Named.as("merge-leaderboards"),
            StoreNames.LEADERBOARD_PARTS,
            StoreNames.LEADERBOARDS)
        .to(topics.trendsTop().name(), Produced.with(topics.trendsTop().keySerde(), topics.trendsTop().valueSerde()).withName("trends-top"));

    return builder.build();
  }

  private static String[] countingStores(List<Horizon> horizons) {
    List<String> names = new ArrayList<>(List.of(StoreNames.ALL_TIME, StoreNames.PENDING, StoreNames.FINALS_SENT, StoreNames.RECENT_ARTICLES));
    horizons.stream().map(StoreNames::buckets).distinct().forEach(names::add);
    return names.toArray(String[]::new);
  }

  /** The counting processor's: it writes a key once per mention, the buffer writes it once per commit. */
  private static <V> StoreBuilder<KeyValueStore<String, V>> countingStore(String name, Serde<V> serde) {
    return CommitBufferedStores.keyValue(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), serde));
  }

  private static <V> StoreBuilder<KeyValueStore<String, V>> keyValueStore(String name, Serde<V> serde) {
    // Cached: a key updated many times within a commit interval is written to RocksDB and its changelog once.
    return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), serde).withCachingEnabled();
  }

  /** One bucket store per distinct advance, kept long enough for the longest horizon's baseline plus grace. */
  static Map<String, StoreBuilder<WindowStore<String, Long>>> bucketStores(List<Horizon> horizons, int baselineWindows, Duration grace) {
    Map<String, Duration> retention = new LinkedHashMap<>();
    Map<String, Duration> size = new LinkedHashMap<>();
    for (Horizon horizon : horizons) {
      Duration needed = horizon.length().multipliedBy(baselineWindows + 1L).plus(grace).plus(horizon.advance());
      retention.merge(StoreNames.buckets(horizon), needed, (a, b) -> a.compareTo(b) >= 0 ? a : b);
      size.put(StoreNames.buckets(horizon), horizon.advance());
    }
    Map<String, StoreBuilder<WindowStore<String, Long>>> stores = new LinkedHashMap<>();
    retention.forEach(
        (name, keep) ->
            stores.put(
                name,
                CommitBufferedStores.window(
                    Stores.windowStoreBuilder(Stores.persistentWindowStore(name, keep, size.get(name), false), Serdes.String(), Serdes.Long()))));
    return stores;
  }

  /** Event time is the article's publication time; the record time only when that is missing. */
  static final class PublishedAtExtractor implements TimestampExtractor {
    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
      if (record.value() instanceof EnrichedArticle article && article.getPublishedAt() != null) {
        return article.getPublishedAt().toEpochMilli();
      }
      return record.timestamp() >= 0 ? record.timestamp() : Math.max(partitionTime, 0);
    }
  }
}
