package dev.trendmill.aggregate;

import dev.trendmill.aggregate.score.Horizon;
import dev.trendmill.aggregate.score.Standing;
import dev.trendmill.aggregate.score.TrendScore;
import dev.trendmill.schemas.avro.TrendUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * Reads standings from the aggregate's stores for interactive queries (the view): all-time from the totals store,
 * rolling horizons as bucket sums at a moment, with the same {@link TrendScore} the processor uses on its in-memory
 * copy of the buckets. Only entities seen within a horizon of that moment can count in it, so only those are measured.
 */
public final class StandingsReader {
  private final ReadOnlyKeyValueStore<String, TrendUpdate> allTime;
  private final Map<String, ? extends ReadOnlyWindowStore<String, Long>> buckets;
  private final int baselineWindows;

  public StandingsReader(
      ReadOnlyKeyValueStore<String, TrendUpdate> allTime,
      Map<String, ? extends ReadOnlyWindowStore<String, Long>> buckets,
      int baselineWindows) {
    this.allTime = allTime;
    this.buckets = buckets;
    this.baselineWindows = baselineWindows;
  }

  /** Every entity's all-time total. */
  public List<TrendUpdate> totals() {
    List<TrendUpdate> totals = new ArrayList<>();
    try (KeyValueIterator<String, TrendUpdate> iterator = allTime.all()) {
      while (iterator.hasNext()) {
        KeyValue<String, TrendUpdate> next = iterator.next();
        totals.add(next.value);
      }
    }
    return totals;
  }

  public TrendUpdate total(String entityId) {
    return allTime.get(entityId);
  }

  public List<Standing> allTimeStandings() {
    return totals().stream().map(t -> new Standing(t.getEntityId(), t.getName(), t.getType(), t.getCount(), 0, 0)).toList();
  }

  /** Standings of every entity that counts in {@code horizon} at {@code at}. */
  public List<Standing> standings(Horizon horizon, long at) {
    List<Standing> standings = new ArrayList<>();
    long earliest = at - horizon.length().toMillis();
    for (TrendUpdate total : totals()) {
      if (total.getUpdatedAt().toEpochMilli() < earliest) {
        continue;
      }
      Standing standing = standing(horizon, total, at);
      if (standing.count() > 0) {
        standings.add(standing);
      }
    }
    return standings;
  }

  public Standing standing(Horizon horizon, TrendUpdate total, long at) {
    ReadOnlyWindowStore<String, Long> store = buckets.get(StoreNames.buckets(horizon));
    TrendScore.Measure measure =
        TrendScore.measure(horizon, at, baselineWindows, (from, to) -> BucketStores.sum(store, total.getEntityId(), from, to));
    return new Standing(total.getEntityId(), total.getName(), total.getType(), measure.count(), measure.baseline(), measure.score());
  }

  /** Windowed counts of one entity, one per window end from {@code from} to {@code to}, {@code step} apart. */
  public List<long[]> series(Horizon horizon, String entityId, long from, long to) {
    ReadOnlyWindowStore<String, Long> store = buckets.get(StoreNames.buckets(horizon));
    List<long[]> points = new ArrayList<>();
    long step = horizon.advance().toMillis();
    for (long end = horizon.windowAt(from).end(); end <= horizon.windowAt(to).end(); end += step) {
      points.add(new long[] {end, BucketStores.sum(store, entityId, end - horizon.length().toMillis(), end)});
    }
    return points;
  }
}
