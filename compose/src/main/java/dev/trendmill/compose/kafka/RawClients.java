package dev.trendmill.compose.kafka;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Byte-array clients the CLI, the benchmarks and the integration tests write and read topics with. */
public final class RawClients {
  private RawClients() {}

  /** Every partition of {@code topic}, for assigning a consumer by hand. */
  public static List<TopicPartition> partitions(Consumer<?, ?> consumer, String topic) {
    return consumer.partitionsFor(topic).stream().map(info -> new TopicPartition(topic, info.partition())).toList();
  }

  /** An idempotent producer ({@code acks=all}) of raw records; {@code tuning} adds or overrides settings. */
  public static KafkaProducer<byte[], byte[]> idempotentProducer(String bootstrapServers, Map<String, Object> tuning) {
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.putAll(tuning);
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /**
   * A consumer without a group that reads only committed records (what the exactly-once services published), for
   * assigning partitions and seeking by hand.
   */
  public static KafkaConsumer<byte[], byte[]> committedReader(String bootstrapServers) {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
        new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
  }
}
