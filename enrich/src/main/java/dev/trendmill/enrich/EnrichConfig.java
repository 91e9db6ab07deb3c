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

  public static final ConfigDef CONFIG_DEF =
      withCommon(new ConfigDef(), defaultStateDir("enrich"))
          .define(CATALOG_FILE_CONFIG, Type.STRING, null, Importance.LOW, CATALOG_FILE_DOC);

  public EnrichConfig(Map<?, ?> originals) {
    super(CONFIG_DEF, originals);
  }

  public List<CatalogEntry> catalog() {
    String file = getString(CATALOG_FILE_CONFIG);
    return file == null || file.isBlank() ? BundledCatalog.load() : BundledCatalog.load(Path.of(file));
  }
}
