package dev.trendmill.compose.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trendmill.aggregate.AggregateConfig;
import dev.trendmill.compose.embedded.Deadline;
import dev.trendmill.compose.embedded.LocalStack;
import dev.trendmill.compose.kafka.RawClients;
import dev.trendmill.schemas.config.ServiceConfig;
import dev.trendmill.schemas.runtime.CommitPacer;
import dev.trendmill.schemas.runtime.CommitPacing;
import dev.trendmill.schemas.runtime.InputLag;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commit pacing on a real broker, exactly-once, with a catch-up interval of a minute: while the application works
 * slowly through a backlog, its consumers' lag gauges show it and nothing it wrote is committed; once it has caught
 * up, the pacer gets everything committed within seconds.
 */
@ExtendWith(EmbeddedStackExtension.class)
class CommitPacingIT {
  private static final long BACKLOG = 20_000;
  private static final long CATCH_UP_LAG = 1_000;
  private static final Duration CATCH_UP = Duration.ofMinutes(1);

  @Test
  void aBacklogWaitsForTheCatchUpIntervalAndTheCaughtUpOutputIsCommittedAtOnce(LocalStack stack, @TempDir Path stateDir) throws Exception {
    String in = "pacing-in-" + UUID.randomUUID();
    String out = "pacing-out-" + UUID.randomUUID();
    try (Admin admin = stack.admin()) {
      admin.createTopics(List.of(new NewTopic(in, 1, (short) 1), new NewTopic(out, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
    }
    try (KafkaProducer<byte[], byte[]> producer = RawClients.idempotentProducer(stack.settings().bootstrapServers(), Map.of())) {
      for (long i = 0; i < BACKLOG; i++) {
        producer.send(new ProducerRecord<>(in, Long.toString(i).getBytes(), new byte[16]));
      }
      producer.flush();
    }
    ServiceConfig config =
        new AggregateConfig(
            Map.of(
                "bootstrap.servers", stack.settings().bootstrapServers(),
                "schema.registry.url", stack.settings().registryUrl(),
                "state.dir", stateDir.toString(),
                ServiceConfig.COMMIT_INTERVAL_MS_CONFIG, "50",
                ServiceConfig.COMMIT_CATCH_UP_INTERVAL_MS_CONFIG, Long.toString(CATCH_UP.toMillis()),
                ServiceConfig.COMMIT_CATCH_UP_LAG_RECORDS_CONFIG, Long.toString(CATCH_UP_LAG),
                // Kafka Streams refuses a commit interval longer than the transaction timeout.
                "producer.transaction.timeout.ms", Long.toString(2 * CATCH_UP.toMillis())));
    CommitPacing pacing = config.commitPacing();

    // The copy from in to out takes a permit per record: the test sets the pace of the backlog.
    Semaphore permits = new Semaphore(0);
    AtomicLong copied = new AtomicLong();
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(in, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
        .peek((key, value) -> {
          permits.acquireUninterruptibly();
          copied.incrementAndGet();
        })
        .to(out, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));

    ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
    try (KafkaStreams streams = CommitPacer.streams(builder.build(), config.streamsProperties("pacing-it-" + UUID.randomUUID(), "it"), pacing);
        KafkaConsumer<byte[], byte[]> reader = RawClients.committedReader(stack.settings().bootstrapServers())) {
      reader.assign(RawClients.partitions(reader, out));
      InputLag lag = new InputLag(streams::metrics);
      // About 1,000 records/s: a backlog of 20 s, with the stream thread free between records to run the pacer.
      pace.scheduleAtFixedRate(() -> permits.release(5), 0, 5, TimeUnit.MILLISECONDS);
      streams.start();

      assertThat(Deadline.await(Duration.ofSeconds(60), Duration.ofMillis(50), () -> copied.get() >= 2_000 && lag.getAsLong() > CATCH_UP_LAG))
          .as("2,000 records copied with the lag still above the catch-up lag")
          .isTrue();
      long copiedBefore = copied.get();
      // Seconds of copying, at most 20 times the live interval each: committed at the live pace, they would show.
      assertThat(committedOutput(reader, Duration.ofSeconds(3), 1)).as("committed during the backlog").isZero();
      assertThat(copied.get()).as("copying went on meanwhile").isGreaterThan(copiedBefore);
      assertThat(lag.getAsLong()).isGreaterThan(CATCH_UP_LAG);

      pace.shutdownNow();
      permits.release(Integer.MAX_VALUE / 2);
      // Caught up: committed long before the catch-up interval of a minute would.
      assertThat(committedOutput(reader, Duration.ofSeconds(30), BACKLOG)).isEqualTo(BACKLOG);
      assertThat(lag.getAsLong()).isLessThanOrEqualTo(CATCH_UP_LAG);
      assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
    } finally {
      pace.shutdownNow();
      permits.release(Integer.MAX_VALUE / 2); // so that closing does not wait on a permit
    }
  }

  /** Records a read_committed reader gets from the start within {@code within}, returning early once it has {@code enough}. */
  private static long committedOutput(KafkaConsumer<byte[], byte[]> reader, Duration within, long enough) {
    long deadline = System.nanoTime() + within.toNanos();
    long seen = 0;
    reader.seekToBeginning(reader.assignment());
    while (seen < enough && System.nanoTime() < deadline) {
      seen += reader.poll(Duration.ofMillis(200)).count();
    }
    return seen;
  }
}
