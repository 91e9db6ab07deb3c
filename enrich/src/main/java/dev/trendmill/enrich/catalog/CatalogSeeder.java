package dev.trendmill.enrich.catalog;

import dev.trendmill.enrich.extract.CatalogEntry;
import dev.trendmill.schemas.Topic;
import dev.trendmill.schemas.avro.CatalogEntity;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Seeds the compacted catalog topic with the bundled catalog when the topic has never held a record (every
 * partition's end offset is 0). Runs in enrich at start-up, before the stream starts, so the service owns its own
 * seed and works on any cluster. Idempotent: once anything was written (even entries that were removed since), the
 * topic is left alone, so removals are never undone. Two instances starting at once may both seed; they write the
 * same keys and values, which compaction folds into one.
 */
public final class CatalogSeeder {
  private CatalogSeeder() {}

  /** Writes the entries when the topic is empty; returns how many were written (0 when it was not empty). */
  public static int seedIfEmpty(Map<String, Object> clientProperties, Topic<String, CatalogEntity> topic, List<CatalogEntry> entries) {
    if (!isEmpty(clientProperties, topic.name())) {
      return 0;
    }
    Map<String, Object> props = new HashMap<>(clientProperties);
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, CatalogEntity> producer =
        new KafkaProducer<>(props, topic.keySerde().serializer(), topic.valueSerde().serializer())) {
      for (CatalogEntry entry : entries) {
        producer.send(new ProducerRecord<>(topic.name(), entry.id(), CatalogRecords.toAvro(entry)));
      }
      producer.flush();
    }
    return entries.size();
  }

  static boolean isEmpty(Map<String, Object> clientProperties, String topic) {
    Map<String, Object> props = new HashMap<>(clientProperties);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      if (partitions.isEmpty()) {
        throw new IllegalStateException("The catalog topic " + topic + " does not exist; create the pipeline topics first");
      }
      return consumer.endOffsets(partitions, Duration.ofSeconds(30)).values().stream().allMatch(offset -> offset == 0L);
    }
  }
}
