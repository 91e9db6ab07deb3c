package dev.trendmill.enrich;

import dev.trendmill.enrich.catalog.CatalogSeeder;
import dev.trendmill.enrich.catalog.LiveCatalog;
import dev.trendmill.schemas.ops.OpsHttpServer;
import dev.trendmill.schemas.ops.OpsMetrics;
import dev.trendmill.schemas.ops.Probes;
import dev.trendmill.schemas.runtime.StreamsApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The enrich service: seeds the catalog topic when it is empty, then runs the live extraction topology as a Kafka
 * Streams application, with its operations endpoint ({@code /metrics}, {@code /health/live}, {@code /health/ready}).
 */
public final class EnrichService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EnrichService.class);
  private final EnrichConfig config;
  private final StreamsApp app;
  private final OpsMetrics metrics = new OpsMetrics("enrich");
  private OpsHttpServer ops;

  public EnrichService(EnrichConfig config) {
    this.config = config;
    if (config.seedCatalog()) {
      int seeded = CatalogSeeder.seedIfEmpty(config.clientProperties(), config.topics().catalog(), config.catalog());
      LOG.info(seeded > 0 ? "enrich: seeded the empty catalog topic with {} entities" : "enrich: catalog topic already seeded", seeded);
    }
    LiveCatalog live = new LiveCatalog(config.catalogRebuildInterval());
    this.app =
        new StreamsApp(
            "enrich",
            EnrichTopology.build(config.topics(), live),
            config.streamsProperties(EnrichConfig.APPLICATION_ID, "enrich"),
            config.commitPacing());
    metrics.bindStreams(app.streams()).stage(app.streams(), "enrich", List.of(config.topicNames().articles()), List.of(config.topicNames().enriched()));
  }

  public EnrichService start() {
    app.start();
    if (config.httpPort() >= 0) {
      try {
        ops = new OpsHttpServer("enrich", config.httpHost(), config.httpPort(), Probes.of(app, metrics::scrape));
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Cannot listen on " + config.httpHost() + ":" + config.httpPort() + " (" + EnrichConfig.HTTP_PORT_CONFIG + "): " + e.getMessage(), e);
      }
    }
    return this;
  }

  /** The operations port actually bound (useful with port 0), or -1 when it is off. */
  public int httpPort() {
    return ops == null ? -1 : ops.port();
  }

  public StreamsApp app() {
    return app;
  }

  @Override
  public void close() {
    if (ops != null) {
      ops.close();
    }
    app.close();
    metrics.close();
  }
}
