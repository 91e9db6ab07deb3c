package dev.trendmill.schemas.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lifecycle of one Kafka Streams application: start, wait until running, close. A thread that dies of an
 * unexpected error is replaced (the input that caused it was already dead-lettered by the handlers, so this is for
 * broker and infrastructure errors). Ready ({@link #isReady()}) only when RUNNING with no store restoring, which a
 * restore listener tracks.
 */
public final class StreamsApp implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StreamsApp.class);

  private final String name;
  private final KafkaStreams streams;
  private final Set<String> restoring = ConcurrentHashMap.newKeySet();

  /** Committing as {@code pacing} says ({@link CommitPacer}). */
  public StreamsApp(String name, Topology topology, Properties properties, CommitPacing pacing) {
    this.name = name;
    LocalStateRepair.repair(
        java.nio.file.Path.of(properties.getProperty(org.apache.kafka.streams.StreamsConfig.STATE_DIR_CONFIG, System.getProperty("java.io.tmpdir") + "/kafka-streams")),
        properties.getProperty(org.apache.kafka.streams.StreamsConfig.APPLICATION_ID_CONFIG));
    this.streams = CommitPacer.streams(topology, properties, pacing);
    streams.setUncaughtExceptionHandler(
        error -> {
          LOG.error("{}: stream thread failed, replacing it", name, error);
          return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    streams.setStateListener((now, before) -> LOG.info("{}: {} -> {}", name, before, now));
    streams.setGlobalStateRestoreListener(
        new StateRestoreListener() {
          @Override
          public void onRestoreStart(TopicPartition partition, String store, long start, long end) {
            restoring.add(store + "@" + partition);
            LOG.info("{}: restoring {} from {} ({} records)", name, store, partition, end - start);
          }

          @Override
          public void onBatchRestored(TopicPartition partition, String store, long batchEnd, long restored) {}

          @Override
          public void onRestoreEnd(TopicPartition partition, String store, long restored) {
            restoring.remove(store + "@" + partition);
            LOG.info("{}: restored {} from {} ({} records)", name, store, partition, restored);
          }

          @Override
          public void onRestoreSuspended(TopicPartition partition, String store, long restored) {
            restoring.remove(store + "@" + partition);
          }
        });
  }

  public StreamsApp start() {
    streams.start();
    return this;
  }

  public KafkaStreams streams() {
    return streams;
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  public boolean isRunning() {
    return streams.state() == KafkaStreams.State.RUNNING;
  }

  /** RUNNING, and no store of this instance is being restored. */
  public boolean isReady() {
    return isRunning() && restoring.isEmpty();
  }

  /** Not failed for good: anything but ERROR, PENDING_ERROR, or NOT_RUNNING. */
  public boolean isLive() {
    KafkaStreams.State state = streams.state();
    return state != KafkaStreams.State.ERROR && state != KafkaStreams.State.PENDING_ERROR && state != KafkaStreams.State.NOT_RUNNING;
  }

  /** Stores being restored now, as store@topic-partition. */
  public int restoringStores() {
    return restoring.size();
  }

  /** Waits until the application is RUNNING; false when the deadline passes or it stopped. */
  public boolean awaitRunning(Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      KafkaStreams.State state = streams.state();
      if (state == KafkaStreams.State.RUNNING) {
        return true;
      }
      if (!state.isRunningOrRebalancing() && state != KafkaStreams.State.CREATED) {
        return false;
      }
      Thread.sleep(50);
    }
    return false;
  }

  @Override
  public void close() {
    LOG.info("{}: closing", name);
    // Leave the group: Kafka Streams stays a member on close by default, so an instance started again (a restart,
    // `trendmill up` after a stop) waited out the old member's session (45 s) before it got any partition.
    streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP).withTimeout(Duration.ofSeconds(30)));
  }
}
