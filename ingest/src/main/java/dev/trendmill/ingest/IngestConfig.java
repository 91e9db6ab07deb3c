package dev.trendmill.ingest;

import dev.trendmill.schemas.config.ServiceConfig;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Settings of the ingest service: the shared ones (see {@link ServiceConfig}) plus its own. */
public final class IngestConfig extends ServiceConfig {
  public static final String APPLICATION_ID = "trendmill-ingest";

  public static final String MAX_BODY_BYTES_CONFIG = "ingest.max.body.bytes";
  private static final String MAX_BODY_BYTES_DOC = "Largest article body accepted, in UTF-8 bytes; larger ones are dead-lettered.";

  public static final ConfigDef CONFIG_DEF =
      withCommon(new ConfigDef(), defaultStateDir("ingest"))
          .define(MAX_BODY_BYTES_CONFIG, Type.INT, 1 << 20, Range.atLeast(1), Importance.MEDIUM, MAX_BODY_BYTES_DOC);

  public IngestConfig(Map<?, ?> originals) {
    super(CONFIG_DEF, originals);
  }

  public int maxBodyBytes() {
    return getInt(MAX_BODY_BYTES_CONFIG);
  }
}
