package dev.trendmill.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trendmill.schemas.config.ServiceConfig;
import dev.trendmill.schemas.deadletter.DeadLetterHandler;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/**
 * The ingest settings: every key documented (the one place operators read about them), and the Kafka Streams
 * properties built from them carry exactly-once and the dead-letter wiring, pass unknown client keys (security,
 * SASL...) through, and keep our own keys to ourselves.
 */
final class IngestConfigTest {
  private static final Map<String, String> SETTINGS =
      Map.of(
          "bootstrap.servers", "broker-1:9093,broker-2:9093",
          "schema.registry.url", "https://registry.example:8081",
          "basic.auth.user.info", "svc:secret",
          "topic.prefix", "staging.",
          "ingest.max.body.bytes", "4096",
          "security.protocol", "SASL_SSL",
          "sasl.mechanism", "SCRAM-SHA-512",
          "consumer.max.poll.records", "50");

  @Test
  void everyKeyHasADocumentationString() {
    assertThat(IngestConfig.CONFIG_DEF.configKeys())
        .isNotEmpty()
        .containsKey(IngestConfig.MAX_BODY_BYTES_CONFIG)
        .allSatisfy(
            (name, key) -> assertThat(key.documentation).as("documentation of %s", name).isNotBlank());
  }

  @Test
  void theDocumentationCanBeRendered() {
    assertThat(IngestConfig.CONFIG_DEF.toRst()).contains(IngestConfig.MAX_BODY_BYTES_CONFIG, "bootstrap.servers");
  }

  @Test
  void streamsPropertiesAreExactlyOnceWithTheDeadLetterHandlers() {
    Properties props = new IngestConfig(SETTINGS).streamsProperties(IngestConfig.APPLICATION_ID, "ingest");

    assertThat(props.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    assertThat(props.get(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG)).isEqualTo(DeadLetterHandler.class.getName());
    assertThat(props.get(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG)).isEqualTo(DeadLetterHandler.class.getName());
    assertThat(props.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG)).isEqualTo("staging.articles.dlq");
    assertThat(props.get(DeadLetterHandler.STAGE_CONFIG)).isEqualTo("ingest");
    assertThat(props.get(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo("staging." + IngestConfig.APPLICATION_ID);
    assertThat(props.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)).isEqualTo("broker-1:9093,broker-2:9093");
  }

  @Test
  void streamsPropertiesPassUnknownKeysThroughButNotOurOwn() {
    Properties props = new IngestConfig(SETTINGS).streamsProperties(IngestConfig.APPLICATION_ID, "ingest");

    assertThat(props)
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
        .containsEntry("consumer.max.poll.records", "50")
        .doesNotContainKeys(
            "topic.prefix", "ingest.max.body.bytes", "schema.registry.url", "basic.auth.user.info", "avro.serde.class");
  }

  @Test
  void theProducersBatchLargerThanKafkasDefaultUnlessTheSettingsSayOtherwise() {
    assertThat(producerBatchSize(SETTINGS)).isEqualTo(ServiceConfig.PRODUCER_BATCH_BYTES).isGreaterThan(16_384);
    assertThat(producerBatchSize(with("batch.size", "32768"))).as("for every client").isEqualTo(32_768);
    assertThat(producerBatchSize(with("producer.batch.size", "65536"))).as("for producers").isEqualTo(65_536);
  }

  /** What Kafka Streams hands its producers. */
  private static int producerBatchSize(Map<String, String> settings) {
    Properties props = new IngestConfig(settings).streamsProperties(IngestConfig.APPLICATION_ID, "ingest");
    return Integer.parseInt(String.valueOf(new StreamsConfig(props).getProducerConfigs("client").get(ProducerConfig.BATCH_SIZE_CONFIG)));
  }

  private static Map<String, String> with(String key, String value) {
    Map<String, String> settings = new HashMap<>(SETTINGS);
    settings.put(key, value);
    return settings;
  }

  @Test
  void kafkaStreamsAcceptsTheProperties() {
    Properties props = new IngestConfig(SETTINGS).streamsProperties(IngestConfig.APPLICATION_ID, "ingest");

    StreamsConfig streams = new StreamsConfig(props);

    assertThat(streams.getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    assertThat(streams.getClass(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG)).isEqualTo(DeadLetterHandler.class);
    assertThat(streams.getClass(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG)).isEqualTo(DeadLetterHandler.class);
  }

  @Test
  void clientPropertiesCarryTheClusterSettingsOnly() {
    Map<String, Object> props = new IngestConfig(SETTINGS).clientProperties();

    assertThat(props)
        .containsEntry("bootstrap.servers", "broker-1:9093,broker-2:9093")
        .containsEntry("security.protocol", "SASL_SSL")
        .doesNotContainKeys("topic.prefix", "ingest.max.body.bytes", "schema.registry.url", "basic.auth.user.info");
  }

  @Test
  void serdeSettingsAndTopicNamesComeFromTheSameConfig() {
    IngestConfig config = new IngestConfig(SETTINGS);

    assertThat(config.serdeConfig())
        .containsEntry("schema.registry.url", "https://registry.example:8081")
        .containsEntry("basic.auth.user.info", "svc:secret")
        .doesNotContainKeys("security.protocol", "bootstrap.servers");
    assertThat(config.topicNames().inbox()).isEqualTo("staging.articles.inbox");
    assertThat(config.maxBodyBytes()).isEqualTo(4096);
  }

  @Test
  void defaultsNeedNoSettingsAtAll() {
    IngestConfig config = new IngestConfig(Map.of());

    assertThat(config.maxBodyBytes()).isEqualTo(1 << 20);
    assertThat(config.topicNames().inbox()).isEqualTo("articles.inbox");
    assertThat(config.streamsProperties(IngestConfig.APPLICATION_ID, "ingest").get(StreamsConfig.APPLICATION_ID_CONFIG))
        .isEqualTo(IngestConfig.APPLICATION_ID);
  }

  @Test
  void aNonPositiveBodyLimitIsRefused() {
    assertThatThrownBy(() -> new IngestConfig(Map.of(IngestConfig.MAX_BODY_BYTES_CONFIG, "0")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(IngestConfig.MAX_BODY_BYTES_CONFIG);
  }

  @Test
  void everyDefinedKeyIsKeptOutOfTheClientProperties() {
    // Whatever key ingest defines, giving it must not leak into the Kafka client configuration.
    Map<String, String> everyKey = new HashMap<>();
    for (ConfigDef.ConfigKey key : IngestConfig.CONFIG_DEF.configKeys().values()) {
      Object value = key.defaultValue == null ? "x:y" : key.defaultValue;
      everyKey.put(key.name, value.toString());
    }
    Map<String, Object> client = new IngestConfig(everyKey).clientProperties();

    assertThat(client.keySet()).containsExactly("bootstrap.servers");
  }
}
