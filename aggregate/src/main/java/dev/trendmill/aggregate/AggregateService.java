package dev.trendmill.aggregate;

import dev.trendmill.aggregate.http.ViewServer;
import dev.trendmill.aggregate.query.TrendQueries;
import dev.trendmill.schemas.runtime.StreamsApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;

/** The aggregate service: the trend topology as a Kafka Streams application, and the HTTP view over its stores. */
public final class AggregateService implements AutoCloseable {
  private final StreamsApp app;
  private final ViewServer view;

  public AggregateService(AggregateConfig config) {
    this.app =
        new StreamsApp(
            "aggregate",
            TrendTopology.build(config.topics(), config),
            config.streamsProperties(AggregateConfig.APPLICATION_ID, "aggregate"));
    TrendQueries queries = new TrendQueries(app.streams(), config.horizons(), config.baselineWindows(), Clock.systemUTC());
    try {
      this.view = new ViewServer(config.httpHost(), config.httpPort(), queries, app);
    } catch (IOException e) {
      app.close();
      throw new UncheckedIOException(
          "Cannot listen on " + config.httpHost() + ":" + config.httpPort() + " (" + AggregateConfig.HTTP_PORT_CONFIG + "): " + e.getMessage(), e);
    }
  }

  public AggregateService start() {
    app.start();
    view.start();
    return this;
  }

  public StreamsApp app() {
    return app;
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
