package dev.trendmill.ingest;

import dev.trendmill.ingest.http.IngestHttpServer;
import dev.trendmill.ingest.source.FeedPoller;
import dev.trendmill.schemas.ops.OpsMetrics;
import dev.trendmill.schemas.ops.Probes;
import dev.trendmill.schemas.runtime.StreamsApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The ingest service: the inbox topology running as a Kafka Streams application, plus the sources that feed the
 * inbox from outside Kafka: the HTTP endpoint ({@code POST /articles}) and the feed poller. Both only produce to
 * {@code articles.inbox} (idempotent producer, acks=all), so every article goes through the one topology.
 */
public final class IngestService implements AutoCloseable {
  private final IngestConfig config;
  private final StreamsApp app;
  private final OpsMetrics metrics = new OpsMetrics("ingest");
  private KafkaProducer<byte[], byte[]> producer;
  private IngestHttpServer http;
  private ScheduledExecutorService feeds;

  public IngestService(IngestConfig config) {
    this.config = config;
    this.app =
        new StreamsApp(
            "ingest",
            InboxTopology.build(config.topics(), config),
            config.streamsProperties(IngestConfig.APPLICATION_ID, "ingest"),
            config.commitPacing());
    metrics
        .bindStreams(app.streams())
        .stage(app.streams(), "ingest", List.of(config.topicNames().inbox()), List.of(config.topicNames().articles()))
        .counterFromStreams(
            app.streams(), "trendmill.ingest.duplicates.suppressed", "Articles dropped as exact duplicates of one already published", IngestMetrics.GROUP, IngestMetrics.DUPLICATES_SUPPRESSED)
        .counterFromStreams(
            app.streams(), "trendmill.ingest.near.duplicates", "Articles published as near-duplicates (duplicate_of set)", IngestMetrics.GROUP, IngestMetrics.NEAR_DUPLICATES);
  }

  public IngestService start() {
    app.start();
    boolean needsProducer = config.httpPort() >= 0 || !config.feeds().isEmpty();
    if (needsProducer) {
      Map<String, Object> props = new HashMap<>(config.clientProperties());
      props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      props.put(ProducerConfig.ACKS_CONFIG, "all");
      props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
      props.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024);
      producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
      metrics.bindProducer(producer);
    }
    if (config.httpPort() >= 0) {
      try {
        http =
            new IngestHttpServer(
                    config.httpHost(), config.httpPort(), config.httpMaxRequestBytes(), config.maxBodyBytes(), this::sendToInbox, Probes.of(app, metrics::scrape))
                .start();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot listen on " + config.httpHost() + ":" + config.httpPort(), e);
      }
    }
    if (!config.feeds().isEmpty()) {
      FeedPoller poller = new FeedPoller(config.feeds(), HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build(), this::sendToInbox);
      feeds = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ingest-feeds");
        thread.setDaemon(true);
        return thread;
      });
      long interval = config.feedPollInterval().toMillis();
      feeds.scheduleWithFixedDelay(poller::pollAll, 0, interval, TimeUnit.MILLISECONDS);
    }
    return this;
  }

  /** The HTTP port actually bound (useful with port 0), or -1 when HTTP is off. */
  public int httpPort() {
    return http == null ? -1 : http.port();
  }

  private void sendToInbox(List<byte[]> records) throws Exception {
    String topic = config.topicNames().inbox();
    List<Future<RecordMetadata>> acks = records.stream().map(value -> producer.send(new ProducerRecord<byte[], byte[]>(topic, value))).toList();
    producer.flush();
    for (Future<RecordMetadata> ack : acks) {
      ack.get(60, TimeUnit.SECONDS);
    }
  }

  /** Every metric of the service in Prometheus' text format (what {@code GET /metrics} answers). */
  public String prometheus() {
    return metrics.scrape();
  }

  public StreamsApp app() {
    return app;
  }

  @Override
  public void close() {
    if (feeds != null) {
      feeds.shutdownNow();
    }
    if (http != null) {
      http.close();
    }
    app.close();
    if (producer != null) {
      producer.close(Duration.ofSeconds(10));
    }
    metrics.close();
  }
}
