package dev.trendmill.aggregate;

import dev.trendmill.aggregate.score.Horizon;

/** Names of the aggregate's state stores; topology and queries use these constants. */
public final class StoreNames {
  /** Entity id → its all-time {@code TrendUpdate} (count of articles ever, name, type, last event time). */
  public static final String ALL_TIME = "trend-all-time";

  private StoreNames() {}

  /** Entity id → count, in tumbling buckets of one horizon's advance (horizons of equal advance share a store). */
  public static String buckets(Horizon horizon) {
    return "trend-buckets-" + horizon.advance().toMillis() + "ms";
  }
}
