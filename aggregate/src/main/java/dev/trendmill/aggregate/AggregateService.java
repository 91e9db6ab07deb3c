package dev.trendmill.aggregate;

import dev.trendmill.aggregate.http.ViewServer;
import dev.trendmill.aggregate.query.RemoteView;
import dev.trendmill.aggregate.query.TrendService;
import dev.trendmill.schemas.TopicAdmin;
import dev.trendmill.schemas.ops.LagMonitor;
import dev.trendmill.schemas.ops.LagReader;
import dev.trendmill.schemas.ops.OpsMetrics;
import dev.trendmill.schemas.ops.Probes;
import dev.trendmill.schemas.runtime.StreamsApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The aggregate service: the trend topology as a Kafka Streams application, and the HTTP view over its stores. The
 * view's port is bound before Kafka Streams is created, because it is this instance's address for the other
 * instances ({@code application.server}). It also watches the lag of the pipeline's consumer groups
 * ({@code GET /api/lag}, the {@code trendmill_lag_*} gauges on {@code GET /metrics}).
 */
public final class AggregateService implements AutoCloseable {
  private final StreamsApp app;
  private final ViewServer view;
  private final TrendService service;
  private final OpsMetrics metrics = new OpsMetrics("aggregate");
  private final LagMonitor lag;
  private final AtomicBoolean closed = new AtomicBoolean();

  public AggregateService(AggregateConfig config) {
    AggregateSettings settings = config.settings();
    int partitions = enrichedPartitions(config); // before the view binds its port, so a missing topic leaves nothing open
    try {
      this.view = new ViewServer(config.httpHost(), config.httpPort());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot listen on " + config.httpHost() + ":" + config.httpPort() + " (" + AggregateConfig.HTTP_PORT_CONFIG + "): " + e.getMessage(), e);
    }
    HostInfo self = HostInfo.buildFromEndpoint(config.advertisedEndpoint(view.port()));
    Properties props = config.streamsProperties(config.applicationId(), "aggregate");
    props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
    this.app = new StreamsApp("aggregate", TrendTopology.build(config.topics(), settings, partitions), props, config.commitPacing());
    this.service = new TrendService(app.streams(), settings, self, new RemoteView(), Clock.systemUTC());
    String mentions = TrendTopology.mentionsTopic(props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG));
    metrics
        .bindStreams(app.streams())
        .stage(app.streams(), "aggregate", List.of(config.topicNames().enriched()), List.of(config.topicNames().trends(), config.topicNames().trendsTop(), mentions))
        .counterFromStreams(app.streams(), "trendmill.aggregate.late.articles", "Articles later than the grace period: counted all-time only", "stream-trendmill-metrics", "late-articles-total");
    this.lag =
        config.lagSampleInterval().isZero()
            ? null
            : new LagMonitor(new LagReader(config.clientProperties()), config.lagGroups(), config.lagSampleInterval(), config.lagWindowSamples(), Clock.systemUTC())
                .bindTo(metrics.registry());
  }

  /** The counting gets as many partitions as its input, as Kafka Streams would give it; the topology needs the count. */
  private static int enrichedPartitions(AggregateConfig config) {
    try (Admin admin = Admin.create(config.clientProperties())) {
      return TopicAdmin.partitionsOf(admin, config.topicNames().enriched(), Duration.ofSeconds(60));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while reading the partitions of " + config.topicNames().enriched(), e);
    }
  }

  public AggregateService start() {
    app.start();
    view.withOps(Probes.of(app, metrics::scrape), lag == null ? null : () -> lag.latest().toMap());
    view.serve(service, app);
    if (lag != null) {
      lag.start();
    }
    return this;
  }

  public StreamsApp app() {
    return app;
  }

  public TrendService service() {
    return service;
  }

  public int httpPort() {
    return view.port();
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      view.close();
      if (lag != null) {
        lag.close();
      }
      app.close();
      metrics.close();
    }
  }
}
