package dev.trendmill.schemas.ops;

import dev.trendmill.schemas.lag.LagReport;
import dev.trendmill.schemas.lag.LagStatus;
import dev.trendmill.schemas.lag.LagWindows;
import dev.trendmill.schemas.lag.PartitionKey;
import dev.trendmill.schemas.lag.PartitionLag;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples the lag of some consumer groups every interval ({@link LagReader}), keeps each partition's sliding window
 * ({@link LagWindows}) and the latest judged {@link LagReport}. Optionally publishes it as gauges (per group, topic and
 * partition) and logs one line whenever a partition's status changes.
 */
public final class LagMonitor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LagMonitor.class);

  private final LagReader reader;
  private final List<String> groups;
  private final Duration interval;
  private final Clock clock;
  private final LagWindows windows;
  private final Map<PartitionKey, LagStatus> lastStatus = new HashMap<>();
  private final List<MeterUpdate> meters = new ArrayList<>();
  private volatile LagReport latest;
  private ScheduledExecutorService scheduler;
  private boolean failing;

  private interface MeterUpdate {
    void update(LagReport report);
  }

  public LagMonitor(LagReader reader, List<String> groups, Duration interval, int windowSamples, Clock clock) {
    this.reader = reader;
    this.groups = List.copyOf(groups);
    this.interval = interval;
    this.clock = clock;
    this.windows = new LagWindows(windowSamples);
    this.latest = LagReport.empty(interval.toMillis(), windowSamples);
  }

  public List<String> groups() {
    return groups;
  }

  /** Takes one sample of every group now and answers the judged report. */
  public synchronized LagReport sample() {
    long now = clock.millis();
    LagReader.Round round = reader.read(groups, now);
    List<PartitionLag> rows = windows.add(round.samples());
    LagReport report = new LagReport(now, interval.toMillis(), windows.size(), round.groups(), rows);
    logChanges(rows);
    latest = report;
    meters.forEach(meter -> meter.update(report));
    return report;
  }

  /** The latest report (empty before the first sample). */
  public LagReport latest() {
    return latest;
  }

  /** Samples every interval on a daemon thread until closed. */
  public LagMonitor start() {
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "lag-monitor");
              thread.setDaemon(true);
              return thread;
            });
    scheduler.scheduleWithFixedDelay(
        () -> {
          try {
            sample();
            if (failing) {
              failing = false;
              LOG.info("lag: sampling works again");
            }
          } catch (RuntimeException e) {
            if (!failing) { // one line when it starts failing, not one per interval
              failing = true;
              LOG.warn("lag: sampling failed, retrying every {} ms: {}", interval.toMillis(), e.getMessage());
            }
          }
        },
        0,
        interval.toMillis(),
        TimeUnit.MILLISECONDS);
    return this;
  }

  /**
   * Gauges per group, topic and partition: {@code trendmill_lag_records}, {@code trendmill_lag_seconds} (absent while
   * unknown), {@code trendmill_lag_committed_offset}, {@code trendmill_lag_end_offset},
   * {@code trendmill_lag_last_commit_age_seconds}, {@code trendmill_lag_status} (1 for the current status label, 0 for
   * the others), and per group {@code trendmill_lag_group_members}.
   */
  public LagMonitor bindTo(MeterRegistry registry) {
    gauge(registry, "trendmill.lag.records", "Offsets between the committed offset and the last stable offset", null, p -> (double) p.lagRecords());
    gauge(registry, "trendmill.lag", "Age of the oldest unconsumed record, from its own Kafka timestamp", "seconds", p -> p.lagMs() < 0 ? null : p.lagSeconds());
    gauge(registry, "trendmill.lag.committed.offset", "The group's committed offset", null, p -> p.committedOffset() < 0 ? null : (double) p.committedOffset());
    gauge(registry, "trendmill.lag.end.offset", "The partition's last stable offset", null, p -> (double) p.endOffset());
    gauge(registry, "trendmill.lag.last.commit.age", "Time since the committed offset was seen to move (a lower bound until it has moved once)", "seconds", p -> p.lastCommitAgeMs() / 1000.0);
    MultiGauge status = MultiGauge.builder("trendmill.lag.status").description("1 for the partition's current lag status, 0 for the others").register(registry);
    meters.add(
        report -> {
          List<MultiGauge.Row<?>> rows = new ArrayList<>();
          for (PartitionLag p : report.partitions()) {
            for (LagStatus s : LagStatus.values()) {
              rows.add(MultiGauge.Row.of(tags(p).and("status", s.label()), s == p.status() ? 1 : 0));
            }
          }
          status.register(rows, true);
        });
    MultiGauge members = MultiGauge.builder("trendmill.lag.group.members").description("Members of the consumer group").register(registry);
    meters.add(
        report -> {
          List<MultiGauge.Row<?>> rows = new ArrayList<>();
          report.groups().forEach((group, state) -> rows.add(MultiGauge.Row.of(Tags.of("group", group), state.members())));
          members.register(rows, true);
        });
    meters.forEach(meter -> meter.update(latest));
    return this;
  }

  private void gauge(MeterRegistry registry, String name, String description, String unit, java.util.function.Function<PartitionLag, Double> value) {
    MultiGauge gauge = MultiGauge.builder(name).description(description).baseUnit(unit).register(registry);
    meters.add(
        report -> {
          List<MultiGauge.Row<?>> rows = new ArrayList<>();
          for (PartitionLag p : report.partitions()) {
            Double v = value.apply(p);
            if (v != null) {
              rows.add(MultiGauge.Row.of(tags(p), v));
            }
          }
          gauge.register(rows, true);
        });
  }

  private static Tags tags(PartitionLag p) {
    return Tags.of("group", p.key().group(), "topic", p.key().topic(), "partition", Integer.toString(p.key().partition()));
  }

  private void logChanges(List<PartitionLag> rows) {
    for (PartitionLag p : rows) {
      LagStatus before = lastStatus.put(p.key(), p.status());
      if (before != null && before != p.status()) {
        String line = "lag: {} on {}-{} is {} (was {}): {} records, {} s behind; {}";
        Object[] args = {p.key().group(), p.key().topic(), p.key().partition(), p.status().label(), before.label(), p.lagRecords(), p.lagMs() < 0 ? "?" : p.lagSeconds(), p.reason()};
        if (p.status() == LagStatus.OK) {
          LOG.info(line, args);
        } else {
          LOG.warn(line, args);
        }
      }
    }
    lastStatus.keySet().retainAll(rows.stream().map(PartitionLag::key).toList());
  }

  @Override
  public void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      try {
        scheduler.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    reader.close();
  }
}
