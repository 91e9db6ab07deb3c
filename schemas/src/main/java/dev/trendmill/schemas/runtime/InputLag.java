package dev.trendmill.schemas.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * The largest number of records any input partition of a Kafka Streams application has not yet read: its main
 * consumers' {@code records-lag} gauges (one per assigned partition, updated at every fetch from the last stable
 * offset under read_committed), read from the application's metrics. Restore and global consumers are left out: they
 * read changelogs and the global table, not the input.
 *
 * <p>Read from metrics rather than from the consumer because Kafka Streams does not hand its consumers out; the gauges
 * are public, documented client metrics. The gauge objects are looked up again every {@link #REFRESH_NANOS}, since
 * partitions come and go with rebalances, and read directly in between (building the whole metrics map costs more).
 */
public final class InputLag implements LongSupplier {
  static final String GROUP = "consumer-fetch-manager-metrics";
  static final String NAME = "records-lag";
  private static final long REFRESH_NANOS = 2_000_000_000L;

  private final Supplier<Map<MetricName, ? extends Metric>> metrics;
  private final LongSupplier nanoClock;
  private List<Metric> gauges = List.of();
  private long refreshedAt;
  private boolean refreshed;

  /** @param metrics the application's metrics, {@code KafkaStreams::metrics} */
  public InputLag(Supplier<Map<MetricName, ? extends Metric>> metrics) {
    this(metrics, System::nanoTime);
  }

  InputLag(Supplier<Map<MetricName, ? extends Metric>> metrics, LongSupplier nanoClock) {
    this.metrics = metrics;
    this.nanoClock = nanoClock;
  }

  /** The largest lag in records over the input partitions, 0 before the first fetch or with none assigned. */
  @Override
  public synchronized long getAsLong() {
    long now = nanoClock.getAsLong();
    if (!refreshed || now - refreshedAt >= REFRESH_NANOS) {
      gauges = inputLagGauges(metrics.get());
      refreshedAt = now;
      refreshed = true;
    }
    long max = 0;
    for (Metric gauge : gauges) {
      if (gauge.metricValue() instanceof Number lag && !Double.isNaN(lag.doubleValue())) {
        max = Math.max(max, lag.longValue());
      }
    }
    return max;
  }

  static List<Metric> inputLagGauges(Map<MetricName, ? extends Metric> all) {
    List<Metric> gauges = new ArrayList<>();
    all.forEach(
        (name, metric) -> {
          if (NAME.equals(name.name()) && GROUP.equals(name.group()) && name.tags().containsKey("partition") && isMainConsumer(name.tags().get("client-id"))) {
            gauges.add(metric);
          }
        });
    return gauges;
  }

  /** Kafka Streams names a thread's main consumer {@code <client id>-StreamThread-<n>-consumer}. */
  private static boolean isMainConsumer(String clientId) {
    return clientId != null && clientId.endsWith("-consumer") && !clientId.endsWith("-restore-consumer") && !clientId.endsWith("-global-consumer");
  }
}
