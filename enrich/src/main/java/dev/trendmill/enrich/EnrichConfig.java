package dev.trendmill.enrich;

import dev.trendmill.enrich.catalog.BundledCatalog;
import dev.trendmill.enrich.extract.CatalogEntry;
import dev.trendmill.schemas.config.ServiceConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Settings of the enrich service: the shared ones (see {@link ServiceConfig}) plus its own. */
public final class EnrichConfig extends ServiceConfig {
  public static final String APPLICATION_ID = "trendmill-enrich";

  public static final String CATALOG_FILE_CONFIG = "enrich.catalog.file";
  private static final String CATALOG_FILE_DOC =
      "A JSON-lines catalog to use instead of the bundled one (same fields as catalog/landscape-catalog.jsonl).";

  public static final String CATALOG_SEED_CONFIG = "enrich.catalog.seed";
  private static final String CATALOG_SEED_DOC =
      "Seed the entities.catalog topic at start-up with the bundled catalog (or enrich.catalog.file) when the topic has"
          + " never held a record. Once seeded, the topic is the catalog: change it with `trendmill catalog`.";

  public static final String CATALOG_REBUILD_INTERVAL_MS_CONFIG = "enrich.catalog.rebuild.interval.ms";
  private static final String CATALOG_REBUILD_INTERVAL_MS_DOC =
      "After a catalog change, the extractor is rebuilt for the next article, at most once per this interval: a burst"
          + " of changes costs one rebuild, and articles see a change at most this much later.";

  public static final String HTTP_HOST_CONFIG = "http.host";
  private static final String HTTP_HOST_DOC = "Address enrich's operations endpoint (GET /metrics, /health/live, /health/ready) listens on.";

  public static final String HTTP_PORT_CONFIG = "http.port";
  private static final String HTTP_PORT_DOC = "Port of enrich's operations endpoint; 0 picks a free one, -1 turns it off.";

  public static final ConfigDef CONFIG_DEF =
      withCommon(new ConfigDef(), defaultStateDir("enrich"))
          .define(CATALOG_FILE_CONFIG, Type.STRING, null, Importance.LOW, CATALOG_FILE_DOC)
          .define(CATALOG_SEED_CONFIG, Type.BOOLEAN, true, Importance.LOW, CATALOG_SEED_DOC)
          .define(
              CATALOG_REBUILD_INTERVAL_MS_CONFIG,
              Type.LONG,
              500L,
              ConfigDef.Range.atLeast(0),
              Importance.LOW,
              CATALOG_REBUILD_INTERVAL_MS_DOC)
          .define(HTTP_HOST_CONFIG, Type.STRING, "127.0.0.1", Importance.MEDIUM, HTTP_HOST_DOC)
          .define(HTTP_PORT_CONFIG, Type.INT, 8083, ConfigDef.Range.between(-1, 65535), Importance.MEDIUM, HTTP_PORT_DOC);

  public EnrichConfig(Map<?, ?> originals) {
    super(CONFIG_DEF, originals);
  }

  public String httpHost() {
    return getString(HTTP_HOST_CONFIG);
  }

  public int httpPort() {
    return getInt(HTTP_PORT_CONFIG);
  }

  public boolean seedCatalog() {
    return getBoolean(CATALOG_SEED_CONFIG);
  }

  public java.time.Duration catalogRebuildInterval() {
    return java.time.Duration.ofMillis(getLong(CATALOG_REBUILD_INTERVAL_MS_CONFIG));
  }

  /** The catalog that seeds the topic: the bundled one, or enrich.catalog.file. */
  public List<CatalogEntry> catalog() {
    String file = getString(CATALOG_FILE_CONFIG);
    return file == null || file.isBlank() ? BundledCatalog.load() : BundledCatalog.load(Path.of(file));
  }
}
