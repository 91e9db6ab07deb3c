package dev.trendmill.compose.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Time from sending a record to seeing its effect: for each key (an entity, a word) the sender notes when each record
 * naming it was sent, and an observer notes when the key's count rose and to what. The n-th record of a key after the
 * baseline is seen when the count first reaches baseline + n, so latency is measured per mention, the same way for any
 * pipeline, with no clock in the records. Records sent before {@link #measureFrom} are a warm-up: seen, and in {@link
 * #bySendingTime}, but not in the figures.
 *
 * <p>Records of articles the pipeline rightly does not count (ingest's near-duplicates: a story counts once) can be
 * left out afterwards ({@link #exclude}): counted as sent, each would take the place of a later record of its key, so
 * every later one of that key would be timed at the arrival of the one after it.
 */
public final class Freshness {
  private record Sent(long nanos, int article) {}

  /** The counts a key was seen rising to, and when each was first seen. */
  private static final class Rises {
    long[] counts = new long[4];
    long[] nanos = new long[4];
    int size;

    void add(long count, long at) {
      if (size > 0 && count <= counts[size - 1]) {
        return;
      }
      if (size == counts.length) {
        counts = Arrays.copyOf(counts, size * 2);
        nanos = Arrays.copyOf(nanos, size * 2);
      }
      counts[size] = count;
      nanos[size++] = at;
    }
  }

  /**
   * Latencies of the records seen (warm-up included) with their send times, those measured (sent after the warm-up)
   * sorted, and how many were not seen or left out.
   */
  private record Outcome(long[] latencies, long[] sentAt, long[] measuredSorted, int unseen, int excluded) {}

  private final Map<String, List<Sent>> sent = new HashMap<>();
  private final Map<String, Rises> rises = new HashMap<>();
  private final Map<String, Long> baselines = new HashMap<>();
  private long measuredFrom = Long.MIN_VALUE;
  private long firstSent = Long.MAX_VALUE;
  private long lastRise = Long.MIN_VALUE;
  private Set<Integer> excluded = Set.of();
  private Outcome outcome;

  /** Counts start from what the pipeline shows now. */
  public synchronized void baseline(String key, long count) {
    baselines.put(key, count);
    outcome = null;
  }

  /** Records sent before {@code nanos} are a warm-up: their latency is not measured. */
  public synchronized void measureFrom(long nanos) {
    measuredFrom = nanos;
    outcome = null;
  }

  /** A record naming {@code key} was sent at {@code nanos}. */
  public void sent(String key, long nanos) {
    sent(key, nanos, -1);
  }

  /** A record naming {@code key} was sent at {@code nanos} with article number {@code article} (see {@link #exclude}). */
  public synchronized void sent(String key, long nanos, int article) {
    sent.computeIfAbsent(key, k -> new ArrayList<>()).add(new Sent(nanos, article));
    firstSent = Math.min(firstSent, nanos);
    outcome = null;
  }

  /** The pipeline shows {@code count} for {@code key} at {@code nanos}. */
  public synchronized void observed(String key, long count, long nanos) {
    Rises seen = rises.computeIfAbsent(key, k -> new Rises());
    int before = seen.size;
    seen.add(count, nanos);
    if (seen.size > before) {
      lastRise = nanos;
      outcome = null;
    }
  }

  /** Leaves out the records sent with these article numbers: articles the pipeline does not count, by design. */
  public synchronized void exclude(Set<Integer> articles) {
    excluded = Set.copyOf(articles);
    outcome = null;
  }

  public synchronized int unseen() {
    return outcome().unseen();
  }

  /** Records left out by {@link #exclude}. */
  public synchronized int excluded() {
    return outcome().excluded();
  }

  public synchronized int measured() {
    return outcome().measuredSorted().length;
  }

  /** The {@code p}-th percentile (0..100) of the latencies measured, in milliseconds; NaN when none. */
  public synchronized double percentileMillis(double p) {
    return percentileMillis(outcome().measuredSorted(), p);
  }

  /**
   * p50 / p99 / max of the records sent in each {@code width} of sending, warm-up included, one line: how the tail
   * moves while the stack settles after the drain, measured in the same run.
   */
  public synchronized String bySendingTime(Duration width) {
    StringJoiner line = new StringJoiner("; ");
    long step = width.toNanos();
    long last = Long.MIN_VALUE;
    for (long at : outcome().sentAt()) {
      last = Math.max(last, at);
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

  /** The {@code p}-th percentile (0..100) of non-empty sorted values, by nearest rank. */
  static long nearestRank(long[] sorted, double p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  /**
   * Waits until every record sent has been seen, no count has risen for {@code quiet} (the rest will not come: records
   * the pipeline does not count, or lost ones), or {@code timeout} has passed.
   */
  public void awaitSeen(Duration timeout, Duration quiet) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      synchronized (this) {
        long lastChange = Math.max(lastRise, firstSent == Long.MAX_VALUE ? Long.MIN_VALUE : firstSent);
        if (outcome().unseen() == 0 || (lastChange != Long.MIN_VALUE && System.nanoTime() - lastChange > quiet.toNanos())) {
          return;
        }
      }
      Thread.sleep(500); // each check goes over every record sent: seldom, so as not to slow the last ones down
    }
  }

  /** Waits until every sent record has been seen, or {@code timeout} has passed. */
  public void awaitSeen(Duration timeout) throws InterruptedException {
    awaitSeen(timeout, timeout);
  }

  /** What was measured, one line: how many, how many unseen, p50, p99 and max, and the warm-up's count and max. */
  public synchronized String summary() {
    long[] warmup = sortedSentBetween(Long.MIN_VALUE, measuredFrom);
    return String.format(
        Locale.ROOT,
        "%d mentions measured (%d unseen): p50 %.0f ms, p99 %.0f ms, max %.0f ms; warm-up before them: %d mentions, max %.0f ms",
        measured(), unseen(), percentileMillis(50), percentileMillis(99), percentileMillis(100), warmup.length, warmup.length == 0 ? 0 : percentileMillis(warmup, 100));
  }

  private Outcome outcome() {
    if (outcome == null) {
      int total = sent.values().stream().mapToInt(List::size).sum();
      long[] latencies = new long[total];
      long[] sentAt = new long[total];
      int seen = 0;
      int unseen = 0;
      int left = 0;
      for (Map.Entry<String, List<Sent>> key : sent.entrySet()) {
        Rises counts = rises.get(key.getKey());
        long expected = baselines.getOrDefault(key.getKey(), 0L);
        int rise = 0;
        for (Sent record : key.getValue()) {
          if (excluded.contains(record.article())) {
            left++;
            continue;
          }
          expected++;
          while (counts != null && rise < counts.size && counts.counts[rise] < expected) {
            rise++;
          }
          if (counts == null || rise == counts.size) {
            unseen++;
          } else {
            latencies[seen] = counts.nanos[rise] - record.nanos();
            sentAt[seen++] = record.nanos();
          }
        }
      }
      latencies = Arrays.copyOf(latencies, seen);
      sentAt = Arrays.copyOf(sentAt, seen);
      outcome = new Outcome(latencies, sentAt, sortedSentBetween(latencies, sentAt, measuredFrom, Long.MAX_VALUE), unseen, left);
    }
    return outcome;
  }

  private long[] sortedSentBetween(long from, long to) {
    return sortedSentBetween(outcome().latencies(), outcome().sentAt(), from, to);
  }

  private static long[] sortedSentBetween(long[] latencies, long[] sentAt, long from, long to) {
    long[] values = new long[latencies.length];
    int n = 0;
    for (int i = 0; i < latencies.length; i++) {
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
}
