package dev.trendmill.compose.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trendmill.compose.embedded.LocalStack;
import dev.trendmill.schemas.lag.LagSample;
import dev.trendmill.schemas.lag.PartitionKey;
import dev.trendmill.schemas.ops.LagReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The lag reader against a real broker on a transactional topic: a committed offset on a commit marker is no lag, nor
 * are aborted records or those of a transaction still open, and the age comes from the oldest unconsumed record's own
 * timestamp. Offsets: r0 r1 r2 [commit] a0 a1 [abort] c0 ... (c0 open, then committed).
 */
@ExtendWith(EmbeddedStackExtension.class)
class LagReaderIT {
  private static final long T0 = 1_700_000_000_000L;

  @Test
  void transactionMarkersAbortedAndOpenRecordsAreNotLag(LocalStack stack) throws Exception {
    String topic = "lag-reader-it-" + UUID.randomUUID();
    String group = "lag-reader-it-" + UUID.randomUUID();
    TopicPartition tp = new TopicPartition(topic, 0);
    PartitionKey key = new PartitionKey(group, topic, 0);
    try (Admin admin = stack.admin();
        LagReader reader = new LagReader(Map.of("bootstrap.servers", stack.settings().bootstrapServers()));
        KafkaProducer<byte[], byte[]> producer =
            new KafkaProducer<>(
                Map.of("bootstrap.servers", stack.settings().bootstrapServers(), ProducerConfig.TRANSACTIONAL_ID_CONFIG, "lag-reader-it-" + UUID.randomUUID()),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
      producer.initTransactions();

      producer.beginTransaction();
      for (int i = 0; i < 3; i++) {
        producer.send(record(topic, T0 + i * 1000L, "r" + i));
      }
      producer.commitTransaction(); // r0..r2 at 0..2, the commit marker at 3

      commit(admin, group, tp, 3);
      LagSample onMarker = reader.read(List.of(group), T0 + 10_000).samples().get(key);
      assertThat(onMarker.endOffset()).isEqualTo(4);
      assertThat(onMarker.committedOffset()).isEqualTo(3);
      assertThat(onMarker.lagRecords()).as("only a marker left").isZero();
      assertThat(onMarker.members()).isZero();

      commit(admin, group, tp, 1);
      LagSample behind = reader.read(List.of(group), T0 + 10_000).samples().get(key);
      assertThat(behind.lagRecords()).isEqualTo(3);
      assertThat(behind.oldestUnconsumedTimestampMs()).as("r1's own timestamp").isEqualTo(T0 + 1000);
      assertThat(behind.lagMs()).isEqualTo(9_000);

      producer.beginTransaction();
      producer.send(record(topic, T0 + 5000, "a0"));
      producer.send(record(topic, T0 + 6000, "a1"));
      producer.flush();
      producer.abortTransaction(); // a0, a1 at 4, 5, the abort marker at 6
      commit(admin, group, tp, 4);
      LagSample aborted = reader.read(List.of(group), T0 + 10_000).samples().get(key);
      assertThat(aborted.endOffset()).isEqualTo(7);
      assertThat(aborted.lagRecords()).as("aborted records are never read").isZero();

      producer.beginTransaction();
      producer.send(record(topic, T0 + 8000, "c0"));
      producer.flush(); // c0 at 7, its transaction open: the last stable offset stays 7
      LagSample open = reader.read(List.of(group), T0 + 10_000).samples().get(key);
      assertThat(open.endOffset()).isEqualTo(7);
      assertThat(open.lagRecords()).as("an open transaction is not readable yet").isZero();

      producer.commitTransaction(); // commit marker at 8
      LagSample committed = reader.read(List.of(group), T0 + 10_000).samples().get(key);
      assertThat(committed.endOffset()).isEqualTo(9);
      assertThat(committed.lagRecords()).isEqualTo(5);
      assertThat(committed.oldestUnconsumedTimestampMs()).as("c0, skipping the aborted ones").isEqualTo(T0 + 8000);

      admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
      admin.deleteConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS);
    }
  }

  private static ProducerRecord<byte[], byte[]> record(String topic, long timestamp, String value) {
    return new ProducerRecord<>(topic, 0, timestamp, null, value.getBytes(StandardCharsets.UTF_8));
  }

  private static void commit(Admin admin, String group, TopicPartition tp, long offset) throws Exception {
    admin.alterConsumerGroupOffsets(group, Map.of(tp, new OffsetAndMetadata(offset))).all().get(30, TimeUnit.SECONDS);
  }
}
