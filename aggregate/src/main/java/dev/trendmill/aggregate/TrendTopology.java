package dev.trendmill.aggregate;

import dev.trendmill.aggregate.score.Horizon;
import dev.trendmill.schemas.Topics;
import dev.trendmill.schemas.avro.EnrichedArticle;
import dev.trendmill.schemas.avro.EntityMention;
import dev.trendmill.schemas.avro.TrendUpdate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.TimestampExtractor;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * {@code articles.enriched} → {@code trends}: per entity, by event time ({@code published_at}), the all-time count of
 * articles and, for each horizon, the rolling count summed from tumbling buckets, with its trend score.
 *
 * <p>Each article's entities are re-keyed by entity id (one repartition), then {@link TrendProcessor} does one state
 * update per mention and granularity instead of one per overlapping hopping window.
 */
public final class TrendTopology {
  private TrendTopology() {}

  public static Topology build(Topics topics, AggregateConfig config) {
    List<Horizon> horizons = config.horizons();
    Duration grace = config.grace();
    StreamsBuilder builder = new StreamsBuilder();

    builder.addStateStore(allTimeStore(topics));
    for (StoreBuilder<WindowStore<String, Long>> store : bucketStores(horizons, config.baselineWindows(), grace).values()) {
      builder.addStateStore(store);
    }

    builder.stream(
            topics.enriched().name(),
            Consumed.with(topics.enriched().keySerde(), topics.enriched().valueSerde())
                .withTimestampExtractor(new PublishedAtExtractor())
                .withName("articles-enriched"))
        .filter((id, article) -> article != null && article.getDuplicateOf() == null, Named.as("first-copy-only"))
        .flatMap(
            (id, article) -> {
              List<KeyValue<String, EntityMention>> mentions = new ArrayList<>();
              for (EntityMention mention : distinct(article.getEntities())) {
                mentions.add(KeyValue.pair(mention.getEntityId(), mention));
              }
              return mentions;
            },
            Named.as("mentions-by-entity"))
        .repartition(
            Repartitioned.<String, EntityMention>as("mentions-by-entity")
                .withKeySerde(Serdes.String())
                .withValueSerde(topics.avroSerde()))
        .process(
            () -> new TrendProcessor(horizons, config.baselineWindows(), grace),
            Named.as("count-trends"),
            storeNames(horizons))
        .to(
            topics.trends().name(),
            Produced.with(topics.trends().keySerde(), topics.trends().valueSerde()).withName("trends"));
    return builder.build();
  }

  /** An article names each entity once for trends, whatever the extractor sent. */
  private static List<EntityMention> distinct(List<EntityMention> mentions) {
    Map<String, EntityMention> byId = new LinkedHashMap<>();
    for (EntityMention mention : mentions) {
      byId.putIfAbsent(mention.getEntityId(), mention);
    }
    return List.copyOf(byId.values());
  }

  private static String[] storeNames(List<Horizon> horizons) {
    List<String> names = new ArrayList<>();
    names.add(StoreNames.ALL_TIME);
    horizons.stream().map(StoreNames::buckets).distinct().forEach(names::add);
    return names.toArray(String[]::new);
  }

  private static StoreBuilder<KeyValueStore<String, TrendUpdate>> allTimeStore(Topics topics) {
    return Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(StoreNames.ALL_TIME), Serdes.String(), topics.<TrendUpdate>avroSerde());
  }

  /** One bucket store per distinct advance, kept long enough for the longest horizon's baseline plus grace. */
  static Map<String, StoreBuilder<WindowStore<String, Long>>> bucketStores(
      List<Horizon> horizons, int baselineWindows, Duration grace) {
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
                Stores.windowStoreBuilder(
                    Stores.persistentWindowStore(name, keep, size.get(name), false), Serdes.String(), Serdes.Long())));
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
