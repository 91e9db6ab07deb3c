package dev.trendmill.enrich;

import dev.trendmill.enrich.catalog.CatalogSeeder;
import dev.trendmill.enrich.catalog.LiveCatalog;
import dev.trendmill.schemas.runtime.StreamsApp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The enrich service: seeds the catalog topic when it is empty, then runs the live extraction topology as a Kafka
 * Streams application.
 */
public final class EnrichService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EnrichService.class);
  private final StreamsApp app;

  public EnrichService(EnrichConfig config) {
    if (config.seedCatalog()) {
      int seeded = CatalogSeeder.seedIfEmpty(config.clientProperties(), config.topics().catalog(), config.catalog());
      LOG.info(seeded > 0 ? "enrich: seeded the empty catalog topic with {} entities" : "enrich: catalog topic already seeded", seeded);
    }
    LiveCatalog live = new LiveCatalog(config.catalogRebuildInterval());
    this.app =
        new StreamsApp(
            "enrich",
            EnrichTopology.build(config.topics(), live),
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
