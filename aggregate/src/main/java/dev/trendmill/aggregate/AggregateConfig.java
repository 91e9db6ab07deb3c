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

  public static final String EMIT_INTERVAL_CONFIG = "aggregate.emit.interval";
  private static final String EMIT_INTERVAL_DOC =
      "How often the latest change per entity and horizon goes out on the trends topic; a burst in between sends one update.";

  public static final String LEADERBOARD_INTERVAL_CONFIG = "aggregate.leaderboard.interval";
  private static final String LEADERBOARD_INTERVAL_DOC = "How often leaderboards are recomputed; a changed one goes out on trends.top.";

  public static final String TOP_N_CONFIG = "aggregate.top.n";
  private static final String TOP_N_DOC = "Entries per leaderboard on trends.top.";

  public static final String MIN_COUNT_CONFIG = "aggregate.min.count";
  private static final String MIN_COUNT_DOC = "The least number of articles in a window for an entity to be ranked by trend score.";

  public static final String APPLICATION_ID_CONFIG = "application.id";
  private static final String APPLICATION_ID_DOC =
      "Kafka Streams application id (also the consumer group); instances with the same id share the work.";

  public static final String HTTP_ADVERTISED_URL_CONFIG = "http.advertised.url";
  private static final String HTTP_ADVERTISED_URL_DOC =
      "How other instances reach this one's view (host:port), for queries about keys held here; default http.host:http.port.";

  public static final String HTTP_HOST_CONFIG = "http.host";
  private static final String HTTP_HOST_DOC = "Address the view (API and dashboard) listens on.";

  public static final String HTTP_PORT_CONFIG = "http.port";
  private static final String HTTP_PORT_DOC = "Port of the view (API and dashboard); 0 picks a free one.";

  public static final String LAG_GROUPS_CONFIG = "lag.groups";
  private static final String LAG_GROUPS_DOC =
      "Consumer groups whose lag GET /api/lag and the trendmill_lag_* gauges report, comma-separated; default the pipeline's"
          + " three Kafka Streams applications (topic.prefix + trendmill-ingest, trendmill-enrich, and this application.id).";

  public static final String LAG_SAMPLE_INTERVAL_MS_CONFIG = "lag.sample.interval.ms";
  private static final String LAG_SAMPLE_INTERVAL_MS_DOC = "How often the lag of every group and partition is sampled; 0 turns lag monitoring off.";

  public static final String LAG_WINDOW_SAMPLES_CONFIG = "lag.window.samples";
  private static final String LAG_WINDOW_SAMPLES_DOC =
      "N: the lag status of a partition is judged on its last N samples (N x the interval is how long a stall or a growing lag must last to show).";

  public static final ConfigDef CONFIG_DEF =
      withCommon(new ConfigDef(), defaultStateDir("aggregate"))
          .define(HORIZONS_CONFIG, Type.STRING, "1h/5m,24h/1h,7d/6h", Importance.HIGH, HORIZONS_DOC)
          .define(GRACE_CONFIG, Type.STRING, "24h", Importance.MEDIUM, GRACE_DOC)
          .define(BASELINE_WINDOWS_CONFIG, Type.INT, 7, Range.atLeast(0), Importance.MEDIUM, BASELINE_WINDOWS_DOC)
          .define(EMIT_INTERVAL_CONFIG, Type.STRING, "1s", Importance.MEDIUM, EMIT_INTERVAL_DOC)
          .define(LEADERBOARD_INTERVAL_CONFIG, Type.STRING, "5s", Importance.MEDIUM, LEADERBOARD_INTERVAL_DOC)
          .define(TOP_N_CONFIG, Type.INT, 50, Range.between(1, 10_000), Importance.MEDIUM, TOP_N_DOC)
          .define(MIN_COUNT_CONFIG, Type.LONG, 2L, Range.atLeast(1), Importance.MEDIUM, MIN_COUNT_DOC)
          .define(APPLICATION_ID_CONFIG, Type.STRING, APPLICATION_ID, Importance.LOW, APPLICATION_ID_DOC)
          .define(HTTP_ADVERTISED_URL_CONFIG, Type.STRING, null, Importance.LOW, HTTP_ADVERTISED_URL_DOC)
          .define(HTTP_HOST_CONFIG, Type.STRING, "127.0.0.1", Importance.MEDIUM, HTTP_HOST_DOC)
          .define(HTTP_PORT_CONFIG, Type.INT, 8080, Range.between(0, 65535), Importance.MEDIUM, HTTP_PORT_DOC)
          .define(LAG_GROUPS_CONFIG, Type.LIST, "", Importance.LOW, LAG_GROUPS_DOC)
          .define(LAG_SAMPLE_INTERVAL_MS_CONFIG, Type.LONG, 5000L, Range.atLeast(0), Importance.LOW, LAG_SAMPLE_INTERVAL_MS_DOC)
          .define(LAG_WINDOW_SAMPLES_CONFIG, Type.INT, 10, Range.atLeast(3), Importance.LOW, LAG_WINDOW_SAMPLES_DOC);

  public AggregateConfig(Map<?, ?> originals) {
    super(CONFIG_DEF, originals);
    settings(); // fail at start-up on a bad setting, not at the first record
  }

  public AggregateSettings settings() {
    return new AggregateSettings(
        horizons(),
        grace(),
        baselineWindows(),
        Horizon.parseDuration(getString(EMIT_INTERVAL_CONFIG)),
        Horizon.parseDuration(getString(LEADERBOARD_INTERVAL_CONFIG)),
        getInt(TOP_N_CONFIG),
        getLong(MIN_COUNT_CONFIG));
  }

  public String applicationId() {
    return getString(APPLICATION_ID_CONFIG);
  }

  /** host:port other instances use to reach this one; port 0 is resolved by the caller once bound. */
  public String advertisedEndpoint(int boundPort) {
    String configured = getString(HTTP_ADVERTISED_URL_CONFIG);
    if (configured != null && !configured.isBlank()) {
      return configured.replaceFirst("^https?://", "").replaceAll("/+$", "");
    }
    return httpHost() + ":" + boundPort;
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

  /** The consumer groups to watch for lag: lag.groups, else the pipeline's three applications. */
  public List<String> lagGroups() {
    List<String> configured = getList(LAG_GROUPS_CONFIG).stream().map(String::strip).filter(g -> !g.isEmpty()).toList();
    if (!configured.isEmpty()) {
      return configured;
    }
    String prefix = getString(TOPIC_PREFIX_CONFIG);
    return List.of(prefix + "trendmill-ingest", prefix + "trendmill-enrich", prefix + applicationId());
  }

  public Duration lagSampleInterval() {
    return Duration.ofMillis(getLong(LAG_SAMPLE_INTERVAL_MS_CONFIG));
  }

  public int lagWindowSamples() {
    return getInt(LAG_WINDOW_SAMPLES_CONFIG);
  }

  public String httpHost() {
    return getString(HTTP_HOST_CONFIG);
  }

  public int httpPort() {
    return getInt(HTTP_PORT_CONFIG);
  }
}
