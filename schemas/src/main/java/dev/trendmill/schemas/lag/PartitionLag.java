package dev.trendmill.schemas.lag;

import java.util.Comparator;

/**
 * What is known of one partition of one group at the latest sample: the offsets, the lag in records and in time, how
 * long ago the committed offset last moved, and the status from the sample window.
 *
 * @param lastCommitAgeMs time since the committed offset was first seen at its current value; -1 when never seen
 *     moving. Kafka keeps no commit time we can read, so this is measured by sampling: it is exact to one sampling
 *     interval, and a lower bound when {@code lastCommitAgeIsLowerBound} (the offset has not moved since sampling began)
 * @param samples samples in the window the status was judged on
 */
public record PartitionLag(
    PartitionKey key,
    long committedOffset,
    long endOffset,
    long lagRecords,
    long lagMs,
    long oldestUnconsumedTimestampMs,
    long lastCommitAgeMs,
    boolean lastCommitAgeIsLowerBound,
    int members,
    LagStatus status,
    String reason,
    int samples,
    long sampledAtMs) {

  /** Worst first: status, then lag in time, then lag in records, then by name. */
  public static final Comparator<PartitionLag> WORST_FIRST =
      Comparator.comparing(PartitionLag::status)
          .reversed()
          .thenComparing(Comparator.comparingLong(PartitionLag::lagMs).reversed())
          .thenComparing(Comparator.comparingLong(PartitionLag::lagRecords).reversed())
          .thenComparing(PartitionLag::key);

  /** Lag in seconds, -1 when the oldest unconsumed record could not be read. */
  public double lagSeconds() {
    return lagMs < 0 ? -1 : lagMs / 1000.0;
  }
}
