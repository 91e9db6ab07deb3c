package dev.trendmill.schemas.config;

import dev.trendmill.schemas.TopicNames;
import dev.trendmill.schemas.Topics;
import dev.trendmill.schemas.deadletter.DeadLetterHandler;
import dev.trendmill.schemas.runtime.BoundedRocksDbMemory;
import dev.trendmill.schemas.runtime.CommitPacing;
import dev.trendmill.schemas.serde.AvroSerdeConfig;
import dev.trendmill.schemas.serde.SpecificAvroSerde;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The settings every Trendmill service shares. A service's config class extends this with its own keys. Keys this
 * class does not define are passed on to the Kafka clients unchanged (security, SASL, timeouts, {@code consumer.*},
 * {@code producer.*} ...), so any cluster the Kafka clients can reach works.
 */
public abstract class ServiceConfig extends AbstractConfig {
  public static final String BOOTSTRAP_SERVERS_CONFIG = "bootstrap.servers";
  private static final String BOOTSTRAP_SERVERS_DOC = "Kafka brokers to connect to, host:port[,host:port].";

  public static final String SCHEMA_REGISTRY_URL_CONFIG = AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG;
  private static final String SCHEMA_REGISTRY_URL_DOC =
      "Root of a Confluent-compatible schema registry API (Confluent, Karapace, Redpanda, or Apicurio's /apis/ccompat/v7).";

  public static final String BASIC_AUTH_USER_INFO_CONFIG = AvroSerdeConfig.BASIC_AUTH_USER_INFO_CONFIG;
  private static final String BASIC_AUTH_USER_INFO_DOC = "user:password for HTTP basic auth at the registry.";

  public static final String TOPIC_PREFIX_CONFIG = "topic.prefix";
  private static final String TOPIC_PREFIX_DOC = "Prefix of every pipeline topic name, to run several pipelines on one cluster.";

  public static final String AVRO_SERDE_CLASS_CONFIG = Topics.AVRO_SERDE_CLASS_CONFIG;
  private static final String AVRO_SERDE_CLASS_DOC =
      "Serde class for Avro values; Confluent's io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde works unchanged.";

  public static final String STATE_DIR_CONFIG = StreamsConfig.STATE_DIR_CONFIG;
  private static final String STATE_DIR_DOC = "Directory of the service's local state (RocksDB stores).";

  public static final String NUM_STREAM_THREADS_CONFIG = StreamsConfig.NUM_STREAM_THREADS_CONFIG;
  private static final String NUM_STREAM_THREADS_DOC = "Stream threads of this instance.";

  public static final String COMMIT_INTERVAL_MS_CONFIG = StreamsConfig.COMMIT_INTERVAL_MS_CONFIG;
  private static final String COMMIT_INTERVAL_MS_DOC =
      "How often a transaction is committed while the service keeps up with its input (see commit.catch.up.lag.records):"
          + " output becomes visible to read_committed consumers at this pace. An article crosses four commits on its way to"
          + " the view, so this sets most of its freshness; 50 ms cut its median by a third against 100 ms at 1,000 articles/s"
          + " (BENCHMARKS.md).";

  public static final String COMMIT_CATCH_UP_INTERVAL_MS_CONFIG = "commit.catch.up.interval.ms";
  private static final String COMMIT_CATCH_UP_INTERVAL_MS_DOC =
      "How often a transaction is committed while the service works through a backlog: fewer, larger transactions cost the"
          + " broker and the service less (each commit's cost grows with the partitions it writes). Kafka Streams' own"
          + " commit interval is set to this; a value no larger than commit.interval.ms turns the pacing off.";

  public static final String COMMIT_CATCH_UP_LAG_RECORDS_CONFIG = "commit.catch.up.lag.records";
  private static final String COMMIT_CATCH_UP_LAG_RECORDS_DOC =
      "The service is working through a backlog while one of its input partitions has more than this many records it has"
          + " not read yet (its consumers' records-lag); at or below it, it keeps up and commits every commit.interval.ms.";

  public static final String ROCKSDB_MEMORY_MB_CONFIG = "rocksdb.memory.mb";
  private static final String ROCKSDB_MEMORY_MB_DOC =
      "Off-heap memory, in MB, that all RocksDB stores of this instance share for block cache and memtables together;"
          + " 0 leaves Kafka Streams' defaults (a 50 MB block cache and up to 48 MB of memtables per store and per window"
          + " segment, unbounded in total). Ignored when rocksdb.config.setter is given.";

  /**
   * The batch size of the services' Kafka Streams producers unless {@code batch.size} or {@code producer.batch.size}
   * is given: eight times Kafka's default.
   */
  public static final int PRODUCER_BATCH_BYTES = 128 * 1024;

  public static final String LOG_FORMAT_CONFIG = "log.format";
  private static final String LOG_FORMAT_DOC = "Console log format: text (one line per event) or json (one JSON object per line).";

  protected ServiceConfig(ConfigDef definition, Map<?, ?> originals) {
    super(definition, originals, false);
  }

  /** Adds the shared keys to a service's definition. */
  protected static ConfigDef withCommon(ConfigDef def, String defaultStateDir) {
    return def.define(BOOTSTRAP_SERVERS_CONFIG, Type.STRING, "127.0.0.1:9092", Importance.HIGH, BOOTSTRAP_SERVERS_DOC)
        .define(
            SCHEMA_REGISTRY_URL_CONFIG,
            Type.STRING,
            "http://127.0.0.1:8081/apis/ccompat/v7",
            Importance.HIGH,
            SCHEMA_REGISTRY_URL_DOC)
        .define(BASIC_AUTH_USER_INFO_CONFIG, Type.PASSWORD, null, Importance.MEDIUM, BASIC_AUTH_USER_INFO_DOC)
        .define(TOPIC_PREFIX_CONFIG, Type.STRING, "", Importance.MEDIUM, TOPIC_PREFIX_DOC)
        .define(
            AVRO_SERDE_CLASS_CONFIG,
            Type.STRING,
            SpecificAvroSerde.class.getName(),
            Importance.LOW,
            AVRO_SERDE_CLASS_DOC)
        .define(STATE_DIR_CONFIG, Type.STRING, defaultStateDir, Importance.MEDIUM, STATE_DIR_DOC)
        .define(NUM_STREAM_THREADS_CONFIG, Type.INT, 1, ConfigDef.Range.atLeast(1), Importance.MEDIUM, NUM_STREAM_THREADS_DOC)
        .define(COMMIT_INTERVAL_MS_CONFIG, Type.LONG, 50L, ConfigDef.Range.atLeast(1), Importance.MEDIUM, COMMIT_INTERVAL_MS_DOC)
        .define(COMMIT_CATCH_UP_INTERVAL_MS_CONFIG, Type.LONG, 1000L, ConfigDef.Range.atLeast(1), Importance.LOW, COMMIT_CATCH_UP_INTERVAL_MS_DOC)
        .define(COMMIT_CATCH_UP_LAG_RECORDS_CONFIG, Type.LONG, 1000L, ConfigDef.Range.atLeast(0), Importance.LOW, COMMIT_CATCH_UP_LAG_RECORDS_DOC)
        .define(ROCKSDB_MEMORY_MB_CONFIG, Type.LONG, 64L, ConfigDef.Range.atLeast(0), Importance.MEDIUM, ROCKSDB_MEMORY_MB_DOC)
        .define(LOG_FORMAT_CONFIG, Type.STRING, "text", ConfigDef.ValidString.in("text", "json"), Importance.LOW, LOG_FORMAT_DOC);
  }

  protected static String defaultStateDir(String service) {
    return Path.of(System.getProperty("java.io.tmpdir"), "trendmill", service).toString();
  }

  /** Applies {@code log.format} to the console log; call first thing in a service's main. */
  public void applyLogFormat() {
    dev.trendmill.schemas.runtime.LogFormat.apply(getString(LOG_FORMAT_CONFIG));
  }

  public TopicNames topicNames() {
    return new TopicNames(getString(TOPIC_PREFIX_CONFIG));
  }

  /** The settings the Avro serdes read: registry URL, credentials, serde class, and any other registry key given. */
  public Map<String, Object> serdeConfig() {
    Map<String, Object> serde = new HashMap<>();
    originals().forEach(
        (key, value) -> {
          if (key.startsWith("schema.registry.") || key.startsWith("basic.auth.") || key.equals(AvroSerdeConfig.SUBJECT_COMPATIBILITY_CONFIG)) {
            serde.put(key, value);
          }
        });
    serde.put(SCHEMA_REGISTRY_URL_CONFIG, getString(SCHEMA_REGISTRY_URL_CONFIG));
    Password userInfo = getPassword(BASIC_AUTH_USER_INFO_CONFIG);
    if (userInfo != null) {
      serde.put(BASIC_AUTH_USER_INFO_CONFIG, userInfo.value());
    }
    serde.put(AVRO_SERDE_CLASS_CONFIG, getString(AVRO_SERDE_CLASS_CONFIG));
    return serde;
  }

  public Topics topics() {
    return new Topics(topicNames(), serdeConfig());
  }

  /**
   * Properties for a Kafka Streams application: exactly-once, the shared keys, and every key given that this
   * config does not define (passed through to the clients).
   */
  public Properties streamsProperties(String applicationId, String stage) {
    Properties props = new Properties();
    originals().forEach(
        (key, value) -> {
          if (!definedKeys().contains(key) && !serdeConfig().containsKey(key)) {
            props.put(key, value);
          }
        });
    // Dead letters are the original records: allow ones larger than the 1 MB client default (up to 4 MiB).
    props.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), 4 * 1024 * 1024);
    // Fewer, larger produce requests: with exactly-once the broker checks each request's partitions against the
    // transaction, and at Kafka's 16 KB the aggregate's drain cost the broker twice the CPU per mention (BENCHMARKS.md).
    if (!props.containsKey(ProducerConfig.BATCH_SIZE_CONFIG)) {
      props.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), PRODUCER_BATCH_BYTES);
    }
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, getString(TOPIC_PREFIX_CONFIG) + applicationId);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, getString(BOOTSTRAP_SERVERS_CONFIG));
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.STATE_DIR_CONFIG, getString(STATE_DIR_CONFIG));
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, getInt(NUM_STREAM_THREADS_CONFIG));
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitPacing().streamsCommitIntervalMs());
    long rocksDbMemoryMb = getLong(ROCKSDB_MEMORY_MB_CONFIG);
    if (rocksDbMemoryMb > 0 && !props.containsKey(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG)) {
      props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
      props.put(BoundedRocksDbMemory.MEMORY_BYTES_CONFIG, rocksDbMemoryMb * 1024 * 1024);
    }
    // Bad records go to the dead-letter topic through Kafka Streams' own handlers; the stream goes on.
    props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
    props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, topicNames().deadLetters());
    props.put(DeadLetterHandler.STAGE_CONFIG, stage);
    return props;
  }

  /** When the service's transactions commit: {@code commit.interval.ms} while it keeps up, the catch-up interval behind. */
  public CommitPacing commitPacing() {
    return new CommitPacing(
        Duration.ofMillis(getLong(COMMIT_INTERVAL_MS_CONFIG)),
        Duration.ofMillis(getLong(COMMIT_CATCH_UP_INTERVAL_MS_CONFIG)),
        getLong(COMMIT_CATCH_UP_LAG_RECORDS_CONFIG));
  }

  /** Client properties for a plain producer, consumer or admin: bootstrap servers and every pass-through key. */
  public Map<String, Object> clientProperties() {
    Map<String, Object> props = new HashMap<>();
    originals().forEach(
        (key, value) -> {
          if (!definedKeys().contains(key) && !serdeConfig().containsKey(key)) {
            props.put(key, value);
          }
        });
    props.put(BOOTSTRAP_SERVERS_CONFIG, getString(BOOTSTRAP_SERVERS_CONFIG));
    return props;
  }

  private java.util.Set<String> definedKeys() {
    return values().keySet();
  }
}
