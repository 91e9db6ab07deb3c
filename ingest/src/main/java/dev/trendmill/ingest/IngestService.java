package dev.trendmill.ingest;

import dev.trendmill.schemas.runtime.StreamsApp;

/** The ingest service: the inbox topology running as a Kafka Streams application. */
public final class IngestService implements AutoCloseable {
  private final StreamsApp app;

  public IngestService(IngestConfig config) {
    this.app =
        new StreamsApp(
            "ingest",
            InboxTopology.build(config.topics(), config),
            config.streamsProperties(IngestConfig.APPLICATION_ID, "ingest"));
  }

  public IngestService start() {
    app.start();
    return this;
  }

  public StreamsApp app() {
    return app;
  }

  @Override
  public void close() {
    app.close();
  }
}
