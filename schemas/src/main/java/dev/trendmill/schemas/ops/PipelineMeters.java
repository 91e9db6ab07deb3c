package dev.trendmill.schemas.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The pipeline's own meters that code instantiated by Kafka records into (dead-letter handler, processors), through
 * Micrometer's global registry, which every service's {@link OpsMetrics} joins. Without a registry they cost nothing.
 */
public final class PipelineMeters {
  private static final Timer END_TO_END =
      Timer.builder("trendmill.end.to.end.latency")
          .description("From ingest time to the mention being counted in the trends (aggregate)")
          .serviceLevelObjectives(
              Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
              Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1),
              Duration.ofMinutes(5), Duration.ofMinutes(15))
          .register(Metrics.globalRegistry);

  private PipelineMeters() {}

  /** One record written to the dead-letter topic: {@code trendmill_dead_letters_total{stage,reason}}. */
  public static void deadLetter(String stage, String reason) {
    Counter.builder("trendmill.dead.letters")
        .description("Records written to the dead-letter topic, by stage and reason")
        .tags("stage", stage, "reason", reason)
        .register(Metrics.globalRegistry)
        .increment();
  }

  /** The time from ingest to counting of one mention; negative times (clock skew) are not recorded. */
  public static void endToEnd(long ingestedAtMs, long nowMs) {
    if (nowMs >= ingestedAtMs) {
      END_TO_END.record(Duration.ofMillis(nowMs - ingestedAtMs));
    }
  }
}
