package dev.trendmill.ingest;

import dev.trendmill.schemas.config.ServiceConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/** Settings of the ingest service: the shared ones (see {@link ServiceConfig}) plus its own. */
public final class IngestConfig extends ServiceConfig {
  public static final String APPLICATION_ID = "trendmill-ingest";

  public static final String MAX_BODY_BYTES_CONFIG = "ingest.max.body.bytes";
  private static final String MAX_BODY_BYTES_DOC = "Largest article body accepted, in UTF-8 bytes; larger ones are dead-lettered.";

  public static final String DEDUP_RETENTION_CONFIG = "ingest.dedup.retention";
  private static final String DEDUP_RETENTION_DOC =
      "How long an article id (exact duplicates) and a story's fingerprint (near-duplicates) are remembered, e.g. 30d, 12h, 90m.";

  public static final String NEAR_DUP_MAX_DISTANCE_CONFIG = "ingest.neardup.max.distance";
  private static final String NEAR_DUP_MAX_DISTANCE_DOC =
      "Largest SimHash distance (differing bits of 64) at which an article is a near-duplicate of an earlier one; 0 turns near-duplicate detection off for all but identical texts.";

  public static final String NEAR_DUP_MIN_WORDS_CONFIG = "ingest.neardup.min.words";
  private static final String NEAR_DUP_MIN_WORDS_DOC =
      "Articles with fewer words than this are only de-duplicated exactly: a fingerprint of a few words says too little.";

  public static final String HTTP_HOST_CONFIG = "http.host";
  private static final String HTTP_HOST_DOC = "Address the ingest HTTP endpoint (POST /articles, GET /health, GET /metrics) listens on.";

  public static final String HTTP_PORT_CONFIG = "http.port";
  private static final String HTTP_PORT_DOC = "Port of the ingest HTTP endpoint; 0 picks a free one, -1 turns it off.";

  public static final String HTTP_MAX_REQUEST_BYTES_CONFIG = "ingest.http.max.request.bytes";
  private static final String HTTP_MAX_REQUEST_BYTES_DOC = "Largest POST /articles request body; larger ones are answered 413.";

  public static final String FEEDS_CONFIG = "ingest.feeds";
  private static final String FEEDS_DOC = "RSS or Atom feed URLs to poll, comma-separated; empty for none.";

  public static final String FEED_POLL_INTERVAL_CONFIG = "ingest.feed.poll.interval";
  private static final String FEED_POLL_INTERVAL_DOC = "How often each feed is fetched (conditional GET), e.g. 5m, 30s.";

  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

  public static final ConfigDef CONFIG_DEF =
      withCommon(new ConfigDef(), defaultStateDir("ingest"))
          .define(MAX_BODY_BYTES_CONFIG, Type.INT, 1 << 20, Range.atLeast(1), Importance.MEDIUM, MAX_BODY_BYTES_DOC)
          .define(DEDUP_RETENTION_CONFIG, Type.STRING, "30d", durationValidator(), Importance.MEDIUM, DEDUP_RETENTION_DOC)
          // 8 of 64 bits, chosen on the shared blog corpus (215 articles, see NearDuplicateThresholdTest): of 23,005
          // pairs of different articles none is closer than 10 bits (12 pairs at 10-12, the median at 30), while 96.6%
          // of 1,081 light edits (syndication footer, retitled, 3 words changed, last paragraph cut, editor's note)
          // stay within 8; the edits beyond are of short articles, where one sentence is a large share of the text.
          .define(NEAR_DUP_MAX_DISTANCE_CONFIG, Type.INT, 8, Range.between(0, 31), Importance.LOW, NEAR_DUP_MAX_DISTANCE_DOC)
          .define(NEAR_DUP_MIN_WORDS_CONFIG, Type.INT, 30, Range.atLeast(1), Importance.LOW, NEAR_DUP_MIN_WORDS_DOC)
          .define(HTTP_HOST_CONFIG, Type.STRING, "127.0.0.1", Importance.MEDIUM, HTTP_HOST_DOC)
          .define(HTTP_PORT_CONFIG, Type.INT, 8082, Range.between(-1, 65535), Importance.MEDIUM, HTTP_PORT_DOC)
          .define(HTTP_MAX_REQUEST_BYTES_CONFIG, Type.INT, 16 << 20, Range.atLeast(1), Importance.LOW, HTTP_MAX_REQUEST_BYTES_DOC)
          .define(FEEDS_CONFIG, Type.STRING, "", feedsValidator(), Importance.MEDIUM, FEEDS_DOC)
          .define(FEED_POLL_INTERVAL_CONFIG, Type.STRING, "5m", durationValidator(), Importance.LOW, FEED_POLL_INTERVAL_DOC);

  public IngestConfig(Map<?, ?> originals) {
    super(CONFIG_DEF, originals);
  }

  public int maxBodyBytes() {
    return getInt(MAX_BODY_BYTES_CONFIG);
  }

  public Duration dedupRetention() {
    return parseDuration(getString(DEDUP_RETENTION_CONFIG));
  }

  public int nearDuplicateMaxDistance() {
    return getInt(NEAR_DUP_MAX_DISTANCE_CONFIG);
  }

  public int nearDuplicateMinWords() {
    return getInt(NEAR_DUP_MIN_WORDS_CONFIG);
  }

  public String httpHost() {
    return getString(HTTP_HOST_CONFIG);
  }

  public int httpPort() {
    return getInt(HTTP_PORT_CONFIG);
  }

  public int httpMaxRequestBytes() {
    return getInt(HTTP_MAX_REQUEST_BYTES_CONFIG);
  }

  public List<URI> feeds() {
    return splitList(getString(FEEDS_CONFIG)).stream().filter(url -> !url.isEmpty()).map(URI::create).toList();
  }

  public Duration feedPollInterval() {
    return parseDuration(getString(FEED_POLL_INTERVAL_CONFIG));
  }

  /** "30d", "12h", "90m", "45s", "500ms" (or a bare number of milliseconds). */
  public static Duration parseDuration(String text) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    if (value.matches("\\d+")) {
      return Duration.ofMillis(Long.parseLong(value));
    }
    Matcher matcher = DURATION.matcher(value);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("not a duration (e.g. 30d, 12h, 90m, 45s, 500ms): " + text);
    }
    long amount = Long.parseLong(matcher.group(1));
    return switch (matcher.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
  }

  private static ConfigDef.Validator durationValidator() {
    return (name, value) -> {
      try {
        if (parseDuration(String.valueOf(value)).isZero()) {
          throw new ConfigException(name, value, "must be positive");
        }
      } catch (IllegalArgumentException e) {
        throw new ConfigException(name, value, e.getMessage());
      }
    };
  }

  private static List<String> splitList(String text) {
    return java.util.Arrays.stream(text.split(",")).map(String::strip).filter(part -> !part.isEmpty()).toList();
  }

  private static ConfigDef.Validator feedsValidator() {
    return (name, value) -> {
      if (value != null) {
        for (String text : splitList(value.toString())) {
          try {
            URI uri = URI.create(text);
            if (uri.getScheme() == null || !uri.getScheme().toLowerCase(Locale.ROOT).startsWith("http") || uri.getHost() == null) {
              throw new ConfigException(name, text, "a feed must be an http(s) URL");
            }
          } catch (IllegalArgumentException e) {
            throw new ConfigException(name, text, "not a URL: " + e.getMessage());
          }
        }
      }
    };
  }
}
