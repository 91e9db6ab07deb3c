package dev.trendmill.aggregate;

import dev.trendmill.aggregate.score.Horizon;
import dev.trendmill.schemas.config.ServiceConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Settings of the aggregate service: the shared ones (see {@link ServiceConfig}) plus its own. */
public final class AggregateConfig extends ServiceConfig {
  public static final String APPLICATION_ID = "trendmill-aggregate";

  public static final String HORIZONS_CONFIG = "aggregate.horizons";
  private static final String HORIZONS_DOC =
      "Rolling windows as LENGTH/ADVANCE, comma-separated (units s, m, h, d). Counts are kept in tumbling buckets of each advance.";

  public static final String GRACE_CONFIG = "aggregate.grace";
  private static final String GRACE_DOC =
      "How late (by event time, behind the latest article seen) an article may arrive and still count in windows; later ones count only all-time and are logged.";

  public static final String BASELINE_WINDOWS_CONFIG = "aggregate.baseline.windows";
  private static final String BASELINE_WINDOWS_DOC = "K: the baseline of the trend score is the mean of the K previous windows.";

  public static final String HTTP_HOST_CONFIG = "http.host";
  private static final String HTTP_HOST_DOC = "Address the view (API and dashboard) listens on.";

  public static final String HTTP_PORT_CONFIG = "http.port";
  private static final String HTTP_PORT_DOC = "Port of the view (API and dashboard); 0 picks a free one.";

  public static final ConfigDef CONFIG_DEF =
      withCommon(new ConfigDef(), defaultStateDir("aggregate"))
          .define(HORIZONS_CONFIG, Type.STRING, "24h/1h", Importance.HIGH, HORIZONS_DOC)
          .define(GRACE_CONFIG, Type.STRING, "24h", Importance.MEDIUM, GRACE_DOC)
          .define(BASELINE_WINDOWS_CONFIG, Type.INT, 7, Range.atLeast(0), Importance.MEDIUM, BASELINE_WINDOWS_DOC)
          .define(HTTP_HOST_CONFIG, Type.STRING, "127.0.0.1", Importance.MEDIUM, HTTP_HOST_DOC)
          .define(HTTP_PORT_CONFIG, Type.INT, 8080, Range.between(0, 65535), Importance.MEDIUM, HTTP_PORT_DOC);

  public AggregateConfig(Map<?, ?> originals) {
    super(CONFIG_DEF, originals);
    horizons(); // fail at start-up on a bad spec, not at the first record
    grace();
  }

  public List<Horizon> horizons() {
    return Horizon.parseList(getString(HORIZONS_CONFIG));
  }

  public Duration grace() {
    return Horizon.parseDuration(getString(GRACE_CONFIG));
  }

  public int baselineWindows() {
    return getInt(BASELINE_WINDOWS_CONFIG);
  }

  public String httpHost() {
    return getString(HTTP_HOST_CONFIG);
  }

  public int httpPort() {
    return getInt(HTTP_PORT_CONFIG);
  }
}
