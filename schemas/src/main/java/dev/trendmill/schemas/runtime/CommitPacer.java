package dev.trendmill.schemas.runtime;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Asks Kafka Streams for a commit every live interval while the application keeps up ({@link CommitPacing}); its own
 * {@code commit.interval.ms} is then the catch-up interval. A leaf beside every source node, so that every task runs
 * one: a commit asked by one task commits all tasks of its thread, and a thread may hold tasks of one sub-topology only.
 *
 * <p>The pacers of one thread share one state ({@link ThreadPace}): they ask only when a task of the thread read a
 * record since the last ask, so an idle application commits no empty transactions, and at most once per live
 * interval. Each task's punctuation keeps its own schedule; seven tasks asking on seven schedules committed 35 times
 * a second instead of 20, each commit a round trip to the broker, and the aggregate's output came later, not sooner.
 */
public final class CommitPacer implements Processor<Object, Object, Void, Void> {
  static final String NAME_PREFIX = "commit-pacer-";

  private final CommitPacing pacing;
  private final LongSupplier inputLag;
  private final ThreadLocal<ThreadPace> paces;

  CommitPacer(CommitPacing pacing, LongSupplier inputLag, ThreadLocal<ThreadPace> paces) {
    this.pacing = pacing;
    this.inputLag = inputLag;
    this.paces = paces;
  }

  /** What the pacers of one stream thread share: whether its tasks read since the last ask, and when that was. */
  static final class ThreadPace {
    private boolean readSinceAsked;
    private boolean asked;
    private long askedAtMs;

    /** Whether to ask now, marking the ask if so; {@code live} says whether the input lag allows, read only when needed. */
    boolean ask(long nowMs, Duration interval, BooleanSupplier live) {
      if (!readSinceAsked || (asked && nowMs - askedAtMs < interval.toMillis()) || !live.getAsBoolean()) {
        return false;
      }
      // Reads made while behind are asked for too, as soon as it keeps up: otherwise the end of a backlog waited for
      // the catch-up commit, and the view's range reads (rolling counts) lagged its point reads by up to a second.
      readSinceAsked = false;
      asked = true;
      askedAtMs = nowMs;
      return true;
    }
  }

  /** One {@link ThreadPace} per stream thread, for the pacers of one topology. */
  static ThreadLocal<ThreadPace> threadPaces() {
    return ThreadLocal.withInitial(ThreadPace::new);
  }

  /** Adds a pacer beside each source node of {@code topology} (global stores' excepted) and returns it. */
  public static Topology attach(Topology topology, CommitPacing pacing, LongSupplier inputLag) {
    if (!pacing.paced()) {
      return topology;
    }
    ThreadLocal<ThreadPace> paces = threadPaces();
    for (TopologyDescription.Subtopology subtopology : topology.describe().subtopologies()) {
      for (TopologyDescription.Node node : subtopology.nodes()) {
        if (node instanceof TopologyDescription.Source source) {
          topology.addProcessor(NAME_PREFIX + source.name(), () -> new CommitPacer(pacing, inputLag, paces), source.name());
        }
      }
    }
    return topology;
  }

  /**
   * A Kafka Streams application running {@code topology} committed as {@code pacing} says: Streams' own commit
   * interval set to the catch-up one, and pacers reading the application's own input lag ({@link InputLag}).
   */
  public static KafkaStreams streams(Topology topology, Properties properties, CommitPacing pacing) {
    AtomicReference<KafkaStreams> streams = new AtomicReference<>();
    InputLag lag = new InputLag(() -> streams.get() == null ? Map.of() : streams.get().metrics());
    Properties paced = new Properties();
    paced.putAll(properties);
    paced.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, pacing.streamsCommitIntervalMs());
    streams.set(new KafkaStreams(attach(topology, pacing, lag), paced));
    return streams.get();
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    context.schedule(
        pacing.live(),
        PunctuationType.WALL_CLOCK_TIME,
        now -> {
          if (paces.get().ask(now, pacing.live(), () -> inputLag.getAsLong() <= pacing.catchUpLag())) {
            context.commit();
          }
        });
  }

  @Override
  public void process(Record<Object, Object> record) {
    paces.get().readSinceAsked = true;
  }
}
