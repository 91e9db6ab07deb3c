package dev.trendmill.aggregate;

import dev.trendmill.aggregate.score.Horizon;
import dev.trendmill.aggregate.score.TrendScore;
import dev.trendmill.schemas.avro.EntityMention;
import dev.trendmill.schemas.avro.TrendUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One entity mention in (keyed by entity id, timestamped with the article's publication time), trend updates out:
 * the all-time count, then per horizon the rolling count and score. State work per mention: one all-time update and
 * one bucket update per distinct granularity; rolling counts and baselines are read back as bucket sums.
 *
 * <p>An article later than the grace period (behind the latest event time seen) still counts all-time, is logged and
 * counted in {@link #lateArticles()}, and does not touch the windows.
 */
final class TrendProcessor implements Processor<String, EntityMention, String, TrendUpdate> {
  private static final Logger LOG = LoggerFactory.getLogger(TrendProcessor.class);

  private final List<Horizon> horizons;
  private final int baselineWindows;
  private final long graceMs;
  private ProcessorContext<String, TrendUpdate> context;
  private KeyValueStore<String, TrendUpdate> allTime;
  private final Map<String, WindowStore<String, Long>> buckets = new LinkedHashMap<>();
  private long lateArticles;

  TrendProcessor(List<Horizon> horizons, int baselineWindows, Duration grace) {
    this.horizons = List.copyOf(horizons);
    this.baselineWindows = baselineWindows;
    this.graceMs = grace.toMillis();
  }

  @Override
  public void init(ProcessorContext<String, TrendUpdate> context) {
    this.context = context;
    this.allTime = context.getStateStore(StoreNames.ALL_TIME);
    for (Horizon horizon : horizons) {
      buckets.computeIfAbsent(StoreNames.buckets(horizon), context::getStateStore);
    }
  }

  long lateArticles() {
    return lateArticles;
  }

  @Override
  public void process(Record<String, EntityMention> record) {
    String entityId = record.key();
    EntityMention mention = record.value();
    long eventTime = record.timestamp();

    TrendUpdate previous = allTime.get(entityId);
    TrendUpdate total =
        TrendUpdate.newBuilder()
            .setEntityId(entityId)
            .setName(mention.getName())
            .setType(mention.getType())
            .setHorizon("all")
            .setWindowStart(null)
            .setWindowEnd(null)
            .setCount(previous == null ? 1 : previous.getCount() + 1)
            .setBaseline(0)
            .setScore(0)
            .setIsFinal(false)
            .setUpdatedAt(Instant.ofEpochMilli(Math.max(eventTime, previous == null ? eventTime : previous.getUpdatedAt().toEpochMilli())))
            .build();
    allTime.put(entityId, total);
    context.forward(record.withKey(entityId + "|all").withValue(total));

    long streamTime = context.currentStreamTimeMs();
    if (eventTime < streamTime - graceMs) {
      lateArticles++;
      LOG.warn(
          "Late mention of {} at {}: more than {} behind the latest event time {}; counted all-time only",
          entityId, Instant.ofEpochMilli(eventTime), Duration.ofMillis(graceMs), Instant.ofEpochMilli(streamTime));
      return;
    }

    List<String> bumped = new ArrayList<>();
    for (Horizon horizon : horizons) {
      String storeName = StoreNames.buckets(horizon);
      WindowStore<String, Long> store = buckets.get(storeName);
      if (!bumped.contains(storeName)) {
        long bucket = horizon.bucketStart(eventTime);
        Long count = store.fetch(entityId, bucket);
        store.put(entityId, count == null ? 1L : count + 1, bucket);
        bumped.add(storeName);
      }
      TrendScore.Measure measure =
          TrendScore.measure(horizon, eventTime, baselineWindows, (from, to) -> BucketStores.sum(store, entityId, from, to));
      TrendUpdate update =
          TrendUpdate.newBuilder(total)
              .setHorizon(horizon.name())
              .setWindowStart(Instant.ofEpochMilli(measure.window().start()))
              .setWindowEnd(Instant.ofEpochMilli(measure.window().end()))
              .setCount(measure.count())
              .setBaseline(measure.baseline())
              .setScore(measure.score())
              .setUpdatedAt(Instant.ofEpochMilli(eventTime))
              .build();
      context.forward(record.withKey(entityId + "|" + horizon.name()).withValue(update));
    }
  }
}
