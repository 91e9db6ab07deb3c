package dev.trendmill.schemas.ops;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * One service's metrics: a Micrometer registry rendered in Prometheus' text format ({@link #scrape()}), with the
 * {@code service} tag on every series, JVM metrics, the Kafka Streams and Kafka client metrics bound, and the
 * pipeline's own counters. It joins Micrometer's global registry too, so code that Kafka instantiates (the
 * dead-letter handler, processors) records into it through {@link Metrics}.
 */
public final class OpsMetrics implements AutoCloseable {
  /** Kafka Streams' per-topic metrics (KIP-846), recorded at the INFO level. */
  static final String TOPIC_GROUP = "stream-topic-metrics";

  private final PrometheusMeterRegistry registry;
  private final List<AutoCloseable> binders = new ArrayList<>();

  public OpsMetrics(String service) {
    this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().commonTags("service", service);
    new JvmMemoryMetrics().bindTo(registry);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    binders.add(gc);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    Metrics.addRegistry(registry);
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** Every metric of the Kafka Streams client (threads, tasks, processors, stores, its consumers and producers). */
  public OpsMetrics bindStreams(KafkaStreams streams) {
    KafkaStreamsMetrics metrics = new KafkaStreamsMetrics(streams);
    metrics.bindTo(registry);
    binders.add(metrics);
    return this;
  }

  public OpsMetrics bindProducer(Producer<?, ?> producer) {
    KafkaClientMetrics metrics = new KafkaClientMetrics(producer);
    metrics.bindTo(registry);
    binders.add(metrics);
    return this;
  }

  /**
   * A stage's records per topic, from Kafka Streams' topic metrics: {@code trendmill_records_in_total{stage,topic}}
   * (consumed from its input topics) and {@code trendmill_records_out_total{stage,topic}} (produced to its output
   * topics). Their rate is the stage's throughput.
   */
  public OpsMetrics stage(KafkaStreams streams, String stage, List<String> inputs, List<String> outputs) {
    for (String topic : inputs) {
      FunctionCounter.builder("trendmill.records.in", streams, s -> sum(s.metrics(), TOPIC_GROUP, "records-consumed-total", topic))
          .description("Records the stage consumed from a topic")
          .tags("stage", stage, "topic", topic)
          .register(registry);
    }
    for (String topic : outputs) {
      FunctionCounter.builder("trendmill.records.out", streams, s -> sum(s.metrics(), TOPIC_GROUP, "records-produced-total", topic))
          .description("Records the stage produced to a topic")
          .tags("stage", stage, "topic", topic)
          .register(registry);
    }
    return this;
  }

  /** A counter read from one of the application's own Kafka Streams sensors (summed over threads). */
  public OpsMetrics counterFromStreams(KafkaStreams streams, String name, String description, String group, String metric) {
    FunctionCounter.builder(name, streams, s -> sum(s.metrics(), group, metric, null)).description(description).register(registry);
    return this;
  }

  /** The metrics in Prometheus' text format (0.0.4). */
  public String scrape() {
    return registry.scrape();
  }

  /** The sum of the numeric metrics {@code group}/{@code name} (of {@code topic} only, unless null) over a client's metrics. */
  public static double sum(Map<MetricName, ? extends Metric> metrics, String group, String name, String topic) {
    double sum = 0;
    for (Map.Entry<MetricName, ? extends Metric> entry : metrics.entrySet()) {
      MetricName key = entry.getKey();
      if (key.group().equals(group) && key.name().equals(name) && (topic == null || topic.equals(key.tags().get("topic")))
          && entry.getValue().metricValue() instanceof Number value && Double.isFinite(value.doubleValue())) {
        sum += value.doubleValue();
      }
    }
    return sum;
  }

  @Override
  public void close() {
    for (AutoCloseable binder : binders) {
      try {
        binder.close();
      } catch (Exception e) {
        // closing metrics must not stop a shutdown
      }
    }
    Metrics.removeRegistry(registry);
    registry.close();
  }
}
