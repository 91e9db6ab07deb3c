package dev.trendmill.ingest;

import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.apache.kafka.streams.StreamsMetrics;

/**
 * The ingest counters that are not a topic: exact duplicates suppressed, and near-duplicates published with
 * {@code duplicate_of}. Kafka Streams sensors in the application's own metrics registry (group
 * {@value #GROUP}), so they appear in {@code KafkaStreams#metrics()}, over JMX, in {@code TopologyTestDriver#metrics()},
 * and on the ingest's {@code GET /metrics}. Together with the topics they close the books: records in = articles out
 * + duplicates suppressed + dead letters.
 */
public final class IngestMetrics {
  public static final String GROUP = "trendmill-ingest";
  public static final String DUPLICATES_SUPPRESSED = "duplicates-suppressed-total";
  public static final String NEAR_DUPLICATES = "near-duplicates-total";

  private IngestMetrics() {}

  /** The sensor counting one metric (shared by every task of the instance; created once). */
  static Sensor counter(StreamsMetrics metrics, String name, String description) {
    Sensor sensor = metrics.addSensor(GROUP + "." + name, Sensor.RecordingLevel.INFO);
    sensor.add(new MetricName(name, GROUP, description, Map.of()), new CumulativeCount());
    return sensor;
  }

  /** The current value of one of our counters in a metrics map, 0 before the first record. */
  public static long value(Map<MetricName, ? extends Metric> metrics, String name) {
    for (Map.Entry<MetricName, ? extends Metric> entry : metrics.entrySet()) {
      if (entry.getKey().group().equals(GROUP) && entry.getKey().name().equals(name)) {
        return ((Number) entry.getValue().metricValue()).longValue();
      }
    }
    return 0;
  }
}
