package dev.trendmill.aggregate;

import dev.trendmill.aggregate.http.ViewServer;
import dev.trendmill.aggregate.query.RemoteView;
import dev.trendmill.aggregate.query.TrendService;
import dev.trendmill.schemas.runtime.StreamsApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The aggregate service: the trend topology as a Kafka Streams application, and the HTTP view over its stores. The
 * view's port is bound before Kafka Streams is created, because it is this instance's address for the other
 * instances ({@code application.server}).
 */
public final class AggregateService implements AutoCloseable {
  private final StreamsApp app;
  private final ViewServer view;
  private final TrendService service;

  public AggregateService(AggregateConfig config) {
    AggregateSettings settings = config.settings();
    try {
      this.view = new ViewServer(config.httpHost(), config.httpPort());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot listen on " + config.httpHost() + ":" + config.httpPort() + " (" + AggregateConfig.HTTP_PORT_CONFIG + "): " + e.getMessage(), e);
    }
    HostInfo self = HostInfo.buildFromEndpoint(config.advertisedEndpoint(view.port()));
    Properties props = config.streamsProperties(config.applicationId(), "aggregate");
    props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
    this.app = new StreamsApp("aggregate", TrendTopology.build(config.topics(), settings), props);
    this.service = new TrendService(app.streams(), settings, self, new RemoteView(), Clock.systemUTC());
  }

  public AggregateService start() {
    app.start();
    view.serve(service, app);
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
    view.close();
    app.close();
  }
}
