package dev.trendmill.schemas.runtime;

import java.time.Duration;

/**
 * When a Kafka Streams application commits: every {@code live} interval while it keeps up with its input, every
 * {@code catchUp} interval while one of its input partitions has more than {@code catchUpLag} records it has not read.
 * Each commit is a transaction whose cost on the broker grows with the partitions it writes, not with its records; so
 * a backlog drains faster in fewer, larger transactions, and a stream that keeps up stays fresh with small ones.
 *
 * @param live how often to commit while the input lag is at most {@code catchUpLag}
 * @param catchUp how often to commit while working through a backlog; no longer than {@code live} turns pacing off
 * @param catchUpLag the records behind the end of one input partition above which the application is catching up
 */
public record CommitPacing(Duration live, Duration catchUp, long catchUpLag) {
  public CommitPacing {
    if (live.isNegative() || live.isZero() || catchUpLag < 0) {
      throw new IllegalArgumentException("commit pacing needs a positive live interval and a lag of at least 0: " + live + ", " + catchUpLag);
    }
  }

  /** Whether the catch-up interval is longer than the live one, so a pacer must ask for the live commits. */
  public boolean paced() {
    return catchUp.compareTo(live) > 0;
  }

  /** Kafka Streams' own {@code commit.interval.ms}: the catch-up interval when paced, the live one otherwise. */
  public long streamsCommitIntervalMs() {
    return paced() ? catchUp.toMillis() : live.toMillis();
  }
}
