package dev.trendmill.aggregate.score;

import dev.trendmill.aggregate.score.Horizon.Window;

/**
 * The trend score of DESIGN.md: {@code (count - baseline) / sqrt(baseline + 1)}, with the baseline the mean count of
 * the K windows of the same length just before the current one, all summed from tumbling buckets.
 */
public final class TrendScore {
  private TrendScore() {}

  /** Reads the sum of bucket counts of one entity whose bucket start lies in [from, to). */
  @FunctionalInterface
  public interface BucketSums {
    long sum(long fromInclusive, long toExclusive);
  }

  /** Count, baseline and score of one entity over one window. */
  public record Measure(Window window, long count, double baseline, double score) {}

  public static Measure measure(Horizon horizon, long timestamp, int baselineWindows, BucketSums buckets) {
    Window window = horizon.windowAt(timestamp);
    long count = buckets.sum(window.start(), window.end());
    double baseline =
        baselineWindows <= 0
            ? 0.0
            : buckets.sum(window.start() - baselineWindows * horizon.length().toMillis(), window.start())
                / (double) baselineWindows;
    return new Measure(window, count, baseline, score(count, baseline));
  }

  public static double score(long count, double baseline) {
    return (count - baseline) / Math.sqrt(baseline + 1);
  }
}
