package dev.trendmill.compose.catalog;

import dev.trendmill.enrich.catalog.CatalogRecords;
import dev.trendmill.enrich.extract.CatalogEntry;
import dev.trendmill.schemas.Topic;
import dev.trendmill.schemas.TopicNames;
import dev.trendmill.schemas.Topics;
import dev.trendmill.schemas.avro.CatalogEntity;
import dev.trendmill.schemas.serde.AvroSerdeConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads and writes the compacted {@code entities.catalog} topic on a running cluster: an entity is a record keyed by
 * its id, a removal a tombstone (null value). The enrich service picks changes up from the topic.
 */
public final class CatalogClient {
  private final Map<String, Object> clientProperties;
  private final Topic<String, CatalogEntity> topic;

  public CatalogClient(String bootstrapServers, String registryUrl, String topicPrefix) {
    this.clientProperties = new HashMap<>(Map.of(
        "bootstrap.servers", bootstrapServers,
        "request.timeout.ms", 10_000,
        "default.api.timeout.ms", 15_000));
    this.topic = new Topics(new TopicNames(topicPrefix), Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, registryUrl)).catalog();
  }

  public String topicName() {
    return topic.name();
  }

  /** Writes (adds or replaces) the entity. */
  public void put(CatalogEntry entry) throws ExecutionException, InterruptedException, TimeoutException {
    send(entry.id(), CatalogRecords.toAvro(entry));
  }

  /** Writes a tombstone for the id. */
  public void remove(String id) throws ExecutionException, InterruptedException, TimeoutException {
    send(id, null);
  }

  private void send(String key, CatalogEntity value) throws ExecutionException, InterruptedException, TimeoutException {
    Map<String, Object> props = new HashMap<>(clientProperties);
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
    try (KafkaProducer<String, CatalogEntity> producer =
        new KafkaProducer<>(props, topic.keySerde().serializer(), topic.valueSerde().serializer())) {
      producer.send(new ProducerRecord<>(topic.name(), key, value)).get(30, TimeUnit.SECONDS);
    }
  }

  /** The catalog as the topic holds it now: the latest record per id, removed ids left out, sorted by id. */
  public List<CatalogEntry> list() {
    Map<String, CatalogEntry> byId = new TreeMap<>();
    try (KafkaConsumer<String, CatalogEntity> consumer =
        new KafkaConsumer<>(new HashMap<>(clientProperties), topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic.name(), Duration.ofSeconds(15)).stream().map(p -> new TopicPartition(topic.name(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        for (ConsumerRecord<String, CatalogEntity> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.value() == null) {
            byId.remove(record.key());
          } else {
            byId.put(record.key(), CatalogRecords.fromAvro(record.value()));
          }
        }
      }
    }
    return List.copyOf(byId.values());
  }
}
