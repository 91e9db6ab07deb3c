package dev.trendmill.schemas.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.Metrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which of Kafka's client metrics make the input lag: a real metrics registry holding gauges named as the consumers name theirs. */
class InputLagTest {
  private final Metrics metrics = new Metrics();
  private final AtomicLong nanos = new AtomicLong();
  private final InputLag lag = new InputLag(metrics::metrics, nanos::get);

  @AfterEach
  void close() {
    metrics.close();
  }

  private void gauge(String name, String group, Map<String, String> tags, double value) {
    metrics.addMetric(metrics.metricName(name, group, tags), (Gauge<Double>) (config, now) -> value);
  }

  private void partitionLag(String clientId, int partition, double value) {
    gauge(InputLag.NAME, InputLag.GROUP, Map.of("client-id", clientId, "topic", "articles", "partition", Integer.toString(partition)), value);
  }

  @Test
  void isTheLargestLagOfAnyInputPartitionOfTheMainConsumers() {
    partitionLag("app-1-StreamThread-1-consumer", 0, 12);
    partitionLag("app-1-StreamThread-1-consumer", 1, 7_000);
    partitionLag("app-1-StreamThread-2-consumer", 2, 40);

    assertThat(lag.getAsLong()).isEqualTo(7_000);
  }

  @Test
  void leavesOutRestoreAndGlobalConsumersAndTopicWideFigures() {
    partitionLag("app-1-StreamThread-1-consumer", 0, 3);
    partitionLag("app-1-StreamThread-1-restore-consumer", 0, 90_000);
    partitionLag("app-1-global-consumer", 0, 80_000);
    gauge(InputLag.NAME, InputLag.GROUP, Map.of("client-id", "app-1-StreamThread-1-consumer", "topic", "articles"), 70_000);
    gauge("records-lag-max", InputLag.GROUP, Map.of("client-id", "app-1-StreamThread-1-consumer"), 60_000);
    gauge(InputLag.NAME, "producer-metrics", Map.of("client-id", "app-1-StreamThread-1-consumer", "partition", "0"), 50_000);

    assertThat(lag.getAsLong()).isEqualTo(3);
  }

  @Test
  void isZeroBeforeAnyPartitionIsAssignedAndIgnoresUnknownValues() {
    assertThat(lag.getAsLong()).isZero();
    nanos.addAndGet(2_000_000_000L);
    partitionLag("app-1-StreamThread-1-consumer", 0, Double.NaN);
    assertThat(lag.getAsLong()).isZero();
  }

  @Test
  void readsTheSameGaugesUntilItLooksThemUpAgainEveryTwoSeconds() {
    AtomicLong first = new AtomicLong(10);
    metrics.addMetric(
        metrics.metricName(InputLag.NAME, InputLag.GROUP, Map.of("client-id", "app-1-StreamThread-1-consumer", "partition", "0")),
        (Gauge<Long>) (config, now) -> first.get());
    assertThat(lag.getAsLong()).isEqualTo(10);

    first.set(20); // a gauge already found is read live
    partitionLag("app-1-StreamThread-1-consumer", 1, 500); // a partition assigned since is not yet looked up
    nanos.addAndGet(1_999_999_999L);
    assertThat(lag.getAsLong()).isEqualTo(20);

    nanos.addAndGet(1);
    assertThat(lag.getAsLong()).isEqualTo(500);
  }
}
