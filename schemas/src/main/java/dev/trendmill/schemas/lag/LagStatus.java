package dev.trendmill.schemas.lag;

/** How a consumer group keeps up on one partition, worst last; see {@link LagEvaluator} for the rules. */
public enum LagStatus {
  /** Caught up, or catching up, or too few samples yet to say otherwise. */
  OK,
  /** Committing, but the backlog is older at every sample of the window: it works, yet falls further behind. */
  LAGGING,
  /** Members are there and there is a backlog, but the committed offset has not moved over the whole window. */
  STALLED,
  /** A backlog and no member in the group: nobody is consuming. */
  STOPPED;

  /** Lower-case name, as in JSON, the CLI and the Prometheus {@code status} label. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
