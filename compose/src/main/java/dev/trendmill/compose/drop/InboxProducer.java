package dev.trendmill.compose.drop;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Sends raw article records to the inbox topic with an idempotent producer and waits for every acknowledgement. */
public final class InboxProducer implements AutoCloseable {
  private final KafkaProducer<byte[], byte[]> producer;
  private final String topic;

  public InboxProducer(Map<String, Object> clientProperties, String topic) {
    Map<String, Object> props = new HashMap<>(clientProperties);
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
    props.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024);
    this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    this.topic = topic;
  }

  /** Sends every record and returns once all are acknowledged; throws on the first failure. */
  public int sendAll(List<byte[]> records) throws Exception {
    return sendAll(records, acked -> {});
  }

  /** As {@link #sendAll(List)}, telling {@code progress} how many are acknowledged so far as they come in. */
  public int sendAll(List<byte[]> records, IntConsumer progress) throws Exception {
    AtomicInteger acked = new AtomicInteger();
    List<Future<RecordMetadata>> acks =
        records.stream()
            .map(value -> producer.send(new ProducerRecord<byte[], byte[]>(topic, value), (metadata, error) -> {
              if (error == null) {
                progress.accept(acked.incrementAndGet());
              }
            }))
            .toList();
    producer.flush();
    for (Future<RecordMetadata> ack : acks) {
      ack.get(60, TimeUnit.SECONDS);
    }
    return acks.size();
  }

  @Override
  public void close() {
    producer.close();
  }
}
