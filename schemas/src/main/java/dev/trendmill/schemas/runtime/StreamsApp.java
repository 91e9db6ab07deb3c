package dev.trendmill.schemas.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lifecycle of one Kafka Streams application: start, wait until running, close. A thread that dies of an
 * unexpected error is replaced (the input that caused it was already dead-lettered by the handlers, so this is for
 * broker and infrastructure errors).
 */
public final class StreamsApp implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StreamsApp.class);

  private final String name;
  private final KafkaStreams streams;

  public StreamsApp(String name, Topology topology, Properties properties) {
    this.name = name;
    this.streams = new KafkaStreams(topology, properties);
    streams.setUncaughtExceptionHandler(
        error -> {
          LOG.error("{}: stream thread failed, replacing it", name, error);
          return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    streams.setStateListener((now, before) -> LOG.info("{}: {} -> {}", name, before, now));
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
    streams.close(Duration.ofSeconds(30));
  }
}
