package dev.trendmill.compose.bench;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Time from sending a record to seeing its effect: for each key (an entity, a word) the sender records the count the
 * key reaches with each record and when it was sent; an observer that sees a key's count reports the latency of every
 * record that count covers. So latency is measured per mention, the same way for any pipeline, with no clock in the
 * records. Memory holds only the records not yet seen, plus two longs per latency (it and when its record was sent).
 * Records sent before {@link #measureFrom} are a warm-up: seen, and in {@link #bySendingTime}, but not in the
 * figures.
 */
public final class Freshness {
  private record Sent(long count, long nanos) {}

  private final Map<String, ArrayDeque<Sent>> pending = new HashMap<>();
  private final Map<String, Long> counts = new HashMap<>();
  /** Every latency seen, warm-up included, and when its record was sent. */
  private long[] latencies = new long[1 << 12];
  private long[] sentAt = new long[1 << 12];
  private int size;
  private long measuredFrom = Long.MIN_VALUE;
  private long firstSent = Long.MAX_VALUE;

  /** Counts start from what the pipeline shows now. */
  public synchronized void baseline(String key, long count) {
    counts.put(key, count);
  }

  /** Records sent before {@code nanos} are a warm-up: their latency is not measured. */
  public synchronized void measureFrom(long nanos) {
    measuredFrom = nanos;
  }

  /** A record naming {@code key} was sent at {@code nanos}. */
  public synchronized void sent(String key, long nanos) {
    long count = counts.merge(key, 1L, Long::sum);
    firstSent = Math.min(firstSent, nanos);
    pending.computeIfAbsent(key, k -> new ArrayDeque<>()).add(new Sent(count, nanos));
  }

  /** The pipeline shows {@code count} for {@code key} at {@code nanos}. */
  public synchronized void observed(String key, long count, long nanos) {
    ArrayDeque<Sent> queue = pending.get(key);
    while (queue != null && !queue.isEmpty() && queue.peekFirst().count() <= count) {
      Sent sent = queue.pollFirst();
      record(sent.nanos(), nanos - sent.nanos());
    }
  }

  public synchronized int unseen() {
    return pending.values().stream().mapToInt(ArrayDeque::size).sum();
  }

  public synchronized int measured() {
    return sortedSentBetween(measuredFrom, Long.MAX_VALUE).length;
  }

  /** The {@code p}-th percentile (0..100) of the latencies measured, in milliseconds; NaN when none. */
  public synchronized double percentileMillis(double p) {
    return percentileMillis(sortedSentBetween(measuredFrom, Long.MAX_VALUE), p);
  }

  /**
   * p50 / p99 / max of the records sent in each {@code width} of sending, warm-up included, one line: how the tail
   * moves while the stack settles after the drain, measured in the same run.
   */
  public synchronized String bySendingTime(Duration width) {
    StringJoiner line = new StringJoiner("; ");
    long step = width.toNanos();
    long last = Long.MIN_VALUE;
    for (int i = 0; i < size; i++) {
      last = Math.max(last, sentAt[i]);
    }
    for (long from = firstSent; from <= last; from += step) {
      long[] slice = sortedSentBetween(from, from + step);
      if (slice.length > 0) {
        line.add(String.format(
            Locale.ROOT, "%d-%d s%s: %.0f / %.0f / %.0f ms", (from - firstSent) / 1_000_000_000, (from + step - firstSent) / 1_000_000_000,
            from < measuredFrom ? " (warm-up)" : "", percentileMillis(slice, 50), percentileMillis(slice, 99), percentileMillis(slice, 100)));
      }
    }
    return line.toString();
  }

  private long[] sortedSentBetween(long from, long to) {
    long[] values = new long[size];
    int n = 0;
    for (int i = 0; i < size; i++) {
      if (sentAt[i] >= from && sentAt[i] < to) {
        values[n++] = latencies[i];
      }
    }
    long[] sorted = Arrays.copyOf(values, n);
    Arrays.sort(sorted);
    return sorted;
  }

  private static double percentileMillis(long[] sorted, double p) {
    return sorted.length == 0 ? Double.NaN : nearestRank(sorted, p) / 1e6;
  }

  /** The {@code p}-th percentile (0..100) of non-empty sorted values, by nearest rank. */
  static long nearestRank(long[] sorted, double p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  /** Waits until every sent record has been seen, or {@code timeout} has passed. */
  public void awaitSeen(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (unseen() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }

  /** What was measured, one line: how many, how many unseen, p50, p99 and max, and the warm-up's count and max. */
  public synchronized String summary() {
    long[] warmup = sortedSentBetween(Long.MIN_VALUE, measuredFrom);
    return String.format(
        Locale.ROOT,
        "%d mentions measured (%d unseen): p50 %.0f ms, p99 %.0f ms, max %.0f ms; warm-up before them: %d mentions, max %.0f ms",
        measured(), unseen(), percentileMillis(50), percentileMillis(99), percentileMillis(100), warmup.length, warmup.length == 0 ? 0 : percentileMillis(warmup, 100));
  }

  private void record(long sent, long latency) {
    if (size == latencies.length) {
      latencies = Arrays.copyOf(latencies, size * 2);
      sentAt = Arrays.copyOf(sentAt, size * 2);
    }
    sentAt[size] = sent;
    latencies[size++] = latency;
  }
}
