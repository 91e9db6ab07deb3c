package dev.trendmill.schemas.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When the pacer asks for a commit (its checks fired by hand, the input lag set by the test), and where it goes. */
class CommitPacerTest {
  private static final CommitPacing PACING = new CommitPacing(Duration.ofMillis(50), Duration.ofSeconds(1), 1_000);

  private final AtomicLong lag = new AtomicLong();
  private final MockProcessorContext<Void, Void> context = new MockProcessorContext<>();
  private final ThreadLocal<CommitPacer.ThreadPace> paces = CommitPacer.threadPaces();
  private final CommitPacer pacer = new CommitPacer(PACING, lag::get, paces);
  private long nowMs = 1_800_000_000_000L;

  @BeforeEach
  void init() {
    pacer.init(context);
  }

  private void read() {
    pacer.process(new Record<>("key", "value", 0L));
  }

  /** Fires the pacer's check one live interval after the last; whether it asked for a commit. */
  private boolean check() {
    nowMs += PACING.live().toMillis();
    return check(context, nowMs);
  }

  private static boolean check(MockProcessorContext<Void, Void> context, long nowMs) {
    context.resetCommit();
    context.scheduledPunctuators().get(0).getPunctuator().punctuate(nowMs);
    return context.committed();
  }

  @Test
  void checksEveryLiveIntervalByWallClock() {
    assertThat(context.scheduledPunctuators())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getInterval()).isEqualTo(PACING.live());
              assertThat(p.getType()).isEqualTo(PunctuationType.WALL_CLOCK_TIME);
            });
  }

  @Test
  void asksForACommitWhileTheInputLagIsAtMostTheCatchUpLag() {
    lag.set(1_000);
    read();
    assertThat(check()).isTrue();
    lag.set(0);
    read();
    assertThat(check()).isTrue();
  }

  @Test
  void leavesCommitsToTheCatchUpIntervalOnABacklog() {
    lag.set(1_001);
    read();
    assertThat(check()).isFalse();
    lag.set(0);
    read();
    assertThat(check()).isTrue();
  }

  @Test
  void asksNothingWhenNothingWasReadSinceTheLastAsk() {
    read();
    assertThat(check()).isTrue();
    assertThat(check()).isFalse();
    lag.set(5_000);
    read();
    assertThat(check()).isFalse();
    lag.set(0);
    assertThat(check()).isTrue(); // what was read during the backlog is committed as soon as it keeps up
    assertThat(check()).isFalse();
  }

  @Test
  void asksOnceAnIntervalForAllTheTasksOfItsThread() throws InterruptedException {
    MockProcessorContext<Void, Void> otherContext = new MockProcessorContext<>();
    CommitPacer otherTask = new CommitPacer(PACING, lag::get, paces);
    otherTask.init(otherContext);
    read();
    otherTask.process(new Record<>("key", "value", 0L));

    assertThat(check()).isTrue();
    // Its schedule runs 20 ms behind: the commit just asked covers what it read.
    assertThat(check(otherContext, nowMs + 20)).isFalse();
    // What one task reads, the next check of any task of the thread asks for, once the interval has passed.
    read();
    assertThat(check(otherContext, nowMs + 40)).isFalse();
    assertThat(check(otherContext, nowMs + PACING.live().toMillis())).isTrue();
    assertThat(check()).isFalse();

    // A pacer on another thread keeps its own pace.
    CommitPacer.ThreadPace[] elsewhere = new CommitPacer.ThreadPace[1];
    Thread other = new Thread(() -> elsewhere[0] = paces.get());
    other.start();
    other.join();
    assertThat(elsewhere[0]).isNotNull().isNotSameAs(paces.get());
  }

  @Test
  void attachesOnePacerBesideEverySourceButTheGlobalStores() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.globalTable("catalog", Consumed.with(Serdes.String(), Serdes.String()));
    builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()).withName("in"))
        .repartition(Repartitioned.<String, String>as("by-key").withKeySerde(Serdes.String()).withValueSerde(Serdes.String()))
        .to("out");

    TopologyDescription paced = CommitPacer.attach(builder.build(), PACING, lag::get).describe();

    assertThat(paced.subtopologies()).hasSize(2);
    for (TopologyDescription.Subtopology subtopology : paced.subtopologies()) {
      List<TopologyDescription.Node> sources = subtopology.nodes().stream().filter(TopologyDescription.Source.class::isInstance).toList();
      assertThat(sources).singleElement().satisfies(source -> assertThat(source.successors()).anySatisfy(next -> assertThat(next.name()).isEqualTo(CommitPacer.NAME_PREFIX + source.name())));
    }
    assertThat(paced.globalStores()).singleElement().satisfies(global -> assertThat(global.source().successors()).noneMatch(next -> next.name().startsWith(CommitPacer.NAME_PREFIX)));
  }

  @Test
  void attachesNothingWhenTheCatchUpIntervalIsNoLongerThanTheLiveOne() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("in", Consumed.with(Serdes.String(), Serdes.String())).to("out");
    Topology topology = builder.build();
    String before = topology.describe().toString();

    assertThat(CommitPacer.attach(topology, new CommitPacing(Duration.ofMillis(50), Duration.ofMillis(50), 0), lag::get).describe().toString()).isEqualTo(before);
    assertThat(new CommitPacing(Duration.ofMillis(50), Duration.ofMillis(50), 0).streamsCommitIntervalMs()).isEqualTo(50);
    assertThat(PACING.streamsCommitIntervalMs()).isEqualTo(1_000);
  }
}
