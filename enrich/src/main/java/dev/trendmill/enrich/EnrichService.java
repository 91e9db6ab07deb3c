package dev.trendmill.enrich;

import dev.trendmill.enrich.extract.EntityExtractor;
import dev.trendmill.schemas.runtime.StreamsApp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The enrich service: the extraction topology running as a Kafka Streams application. */
public final class EnrichService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EnrichService.class);
  private final StreamsApp app;

  public EnrichService(EnrichConfig config) {
    EntityExtractor extractor = new EntityExtractor(config.catalog());
    LOG.info("enrich: catalog of {} names loaded", extractor.size());
    this.app =
        new StreamsApp(
            "enrich",
            EnrichTopology.build(config.topics(), extractor),
            config.streamsProperties(EnrichConfig.APPLICATION_ID, "enrich"));
  }

  public EnrichService start() {
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
