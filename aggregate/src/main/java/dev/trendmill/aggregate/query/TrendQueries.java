package dev.trendmill.aggregate.query;

import dev.trendmill.aggregate.BucketStores;
import dev.trendmill.aggregate.StoreNames;
import dev.trendmill.aggregate.score.Horizon;
import dev.trendmill.aggregate.score.TrendScore;
import dev.trendmill.schemas.avro.TrendUpdate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * Answers leaderboard queries from the aggregate's state stores (interactive queries). "Now" is the latest event
 * time seen (never later than the wall clock), so a replayed archive still shows a meaningful view.
 */
public final class TrendQueries {
  public static final String ALL_TIME = "all";

  private final KafkaStreams streams;
  private final List<Horizon> horizons;
  private final int baselineWindows;
  private final Clock clock;

  public TrendQueries(KafkaStreams streams, List<Horizon> horizons, int baselineWindows, Clock clock) {
    this.streams = streams;
    this.horizons = List.copyOf(horizons);
    this.baselineWindows = baselineWindows;
    this.clock = clock;
  }

  public List<String> horizonNames() {
    List<String> names = new ArrayList<>();
    names.add(ALL_TIME);
    horizons.forEach(horizon -> names.add(horizon.name()));
    return names;
  }

  public Optional<Horizon> horizon(String name) {
    return horizons.stream().filter(horizon -> horizon.name().equals(name)).findFirst();
  }

  /** The top {@code limit} entities of a horizon: all-time by count, rolling horizons by trend score. */
  public TrendBoard top(String horizonName, int limit) {
    List<TrendUpdate> totals = allTotals();
    Instant now = now(totals);
    if (ALL_TIME.equals(horizonName)) {
      List<TrendRow> rows = new ArrayList<>();
      totals.stream()
          .sorted(Comparator.comparingLong(TrendUpdate::getCount).reversed().thenComparing(TrendUpdate::getEntityId))
          .limit(limit)
          .forEach(t -> rows.add(new TrendRow(rows.size() + 1, t.getEntityId(), t.getName(), t.getType(), t.getCount(), 0, 0)));
      return new TrendBoard(ALL_TIME, now, null, null, rows);
    }
    Horizon horizon =
        horizon(horizonName).orElseThrow(() -> new IllegalArgumentException("Unknown horizon '" + horizonName + "'"));
    ReadOnlyWindowStore<String, Long> buckets =
        streams.store(StoreQueryParameters.fromNameAndType(StoreNames.buckets(horizon), QueryableStoreTypes.windowStore()));
    long at = now.toEpochMilli();
    List<TrendRow> unranked = new ArrayList<>();
    for (TrendUpdate total : totals) {
      TrendScore.Measure measure =
          TrendScore.measure(horizon, at, baselineWindows, (from, to) -> BucketStores.sum(buckets, total.getEntityId(), from, to));
      if (measure.count() > 0) {
        unranked.add(new TrendRow(0, total.getEntityId(), total.getName(), total.getType(), measure.count(), measure.baseline(), measure.score()));
      }
    }
    unranked.sort(
        Comparator.comparingDouble(TrendRow::score).reversed()
            .thenComparing(Comparator.comparingLong(TrendRow::count).reversed())
            .thenComparing(TrendRow::id));
    List<TrendRow> rows = new ArrayList<>();
    for (TrendRow row : unranked.subList(0, Math.min(limit, unranked.size()))) {
      rows.add(new TrendRow(rows.size() + 1, row.id(), row.name(), row.type(), row.count(), row.baseline(), row.score()));
    }
    Horizon.Window window = horizon.windowAt(at);
    return new TrendBoard(horizon.name(), now, Instant.ofEpochMilli(window.start()), Instant.ofEpochMilli(window.end()), rows);
  }

  /** How many entities have been counted, and the sum of their all-time counts (entity mentions). */
  public Stats stats() {
    List<TrendUpdate> totals = allTotals();
    return new Stats(totals.size(), totals.stream().mapToLong(TrendUpdate::getCount).sum(), now(totals));
  }

  /** Totals over every entity of this view. */
  public record Stats(long entities, long mentions, Instant asOf) {}

  private List<TrendUpdate> allTotals() {
    ReadOnlyKeyValueStore<String, TrendUpdate> store =
        streams.store(StoreQueryParameters.fromNameAndType(StoreNames.ALL_TIME, QueryableStoreTypes.keyValueStore()));
    List<TrendUpdate> totals = new ArrayList<>();
    try (KeyValueIterator<String, TrendUpdate> iterator = store.all()) {
      while (iterator.hasNext()) {
        KeyValue<String, TrendUpdate> next = iterator.next();
        totals.add(next.value);
      }
    }
    return totals;
  }

  private Instant now(List<TrendUpdate> totals) {
    Instant wall = clock.instant();
    Instant latest = totals.stream().map(TrendUpdate::getUpdatedAt).max(Comparator.naturalOrder()).orElse(wall);
    return latest.isAfter(wall) ? wall : latest;
  }
}
