package dev.trendmill.compose.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trendmill.compose.cmd.LagCommand;
import dev.trendmill.compose.embedded.ChildProcess;
import dev.trendmill.compose.embedded.LocalStack;
import dev.trendmill.enrich.EnrichConfig;
import dev.trendmill.schemas.TopicNames;
import dev.trendmill.schemas.lag.LagReport;
import dev.trendmill.schemas.lag.LagStatus;
import dev.trendmill.schemas.lag.PartitionLag;
import dev.trendmill.schemas.ops.LagMonitor;
import dev.trendmill.schemas.ops.LagReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/**
 * Lag on the embedded stack: enrich is paused (SIGSTOP) while articles keep arriving; its input partitions must turn
 * stalled (or lagging) with the lag in seconds growing at about wall-clock speed, in this test's own monitor and in the
 * aggregate's {@code GET /api/lag}; after SIGCONT everything must be ok again. Leaves the pipeline caught up.
 */
@ExtendWith(EmbeddedStackExtension.class)
class LagIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String ENRICH = EnrichConfig.APPLICATION_ID;

  @Test
  void aPausedServiceStallsWithLagGrowingAtWallClockSpeedAndRecoversWhenResumed(LocalStack stack) throws Exception {
    ChildProcess enrich = stack.services().get("enrich");
    String input = TopicNames.DEFAULT.articles();
    try (LagMonitor monitor =
            new LagMonitor(new LagReader(Map.of("bootstrap.servers", stack.settings().bootstrapServers())), LocalStack.SERVICE_GROUPS, Duration.ofSeconds(1), 6, Clock.systemUTC());
        Feeder feeder = new Feeder(stack.settings().bootstrapServers())) {
      // Before: enrich keeps up.
      awaitReport(monitor, r -> worst(r, ENRICH, input).map(p -> p.status() == LagStatus.OK).orElse(false), Duration.ofSeconds(90), "enrich ok before the pause");

      signal("STOP", enrich);
      List<PartitionLag> seen = new ArrayList<>();
      try {
        // Paused: the worst partition of enrich's input turns non-ok; the first non-ok status is stalled or lagging.
        LagReport report =
            awaitReport(
                monitor,
                r -> {
                  Optional<PartitionLag> worst = worst(r, ENRICH, input);
                  worst.ifPresent(seen::add);
                  return worst.map(p -> p.status() != LagStatus.OK).orElse(false);
                },
                Duration.ofSeconds(60),
                "enrich stalled while paused");
        PartitionLag first = worst(report, ENRICH, input).orElseThrow();
        assertThat(first.status()).as(first.reason()).isIn(LagStatus.STALLED, LagStatus.LAGGING);
        assertThat(first.lagRecords()).isPositive();
        assertThat(first.lagMs()).isPositive();

        // The age of the oldest unconsumed record grows at about wall-clock speed: measure over >= 5 s.
        PartitionLag a = first;
        PartitionLag b = a;
        long deadline = System.currentTimeMillis() + 30_000;
        while (b.sampledAtMs() - a.sampledAtMs() < 5_000 && System.currentTimeMillis() < deadline) {
          Thread.sleep(1000);
          PartitionLag again = partition(monitor.sample(), a.key()).orElseThrow();
          if (again.committedOffset() == a.committedOffset()) {
            b = again;
          }
        }
        double rate = (double) (b.lagMs() - a.lagMs()) / (b.sampledAtMs() - a.sampledAtMs());
        assertThat(rate).as("seconds of lag per second of wall clock, from %s to %s", a, b).isBetween(0.7, 1.3);
        assertThat(b.status()).isIn(LagStatus.STALLED, LagStatus.LAGGING, LagStatus.STOPPED);
        assertThat(b.lastCommitAgeMs()).isGreaterThanOrEqualTo(b.sampledAtMs() - a.sampledAtMs());

        // The aggregate's own monitor (2 s samples, window of 10) says the same through GET /api/lag.
        JsonNode api = awaitLagApi(stack, ENRICH, Duration.ofSeconds(60));
        assertThat(api.path("status").asText()).isIn("stalled", "lagging", "stopped");
        assertThat(api.path("lag_seconds").asDouble()).isPositive();
      } finally {
        signal("CONT", enrich);
      }

      // Resumed: ok again while articles still arrive.
      awaitReport(monitor, r -> r.worst(ENRICH) == LagStatus.OK && worst(r, ENRICH, input).isPresent(), Duration.ofSeconds(120), "enrich ok after resuming");
      assertThat(feeder.sent.get()).isPositive();
      feeder.close();
      // Leave the pipeline caught up for the next test.
      awaitReport(
          monitor,
          r -> r.partitions().stream().filter(p -> !p.key().topic().contains("-repartition")).allMatch(p -> p.lagRecords() == 0),
          Duration.ofSeconds(120),
          "every group caught up");
    }
  }

  @Test
  void theLagCommandPrintsEveryServiceGroupAsJsonAndAsATable(LocalStack stack) throws Exception {
    StringWriter json = new StringWriter();
    int code =
        new CommandLine(new LagCommand())
            .setOut(new PrintWriter(json))
            .execute("--bootstrap-server", stack.settings().bootstrapServers(), "--json", "--samples", "2", "--interval", "0.5");
    assertThat(code).isZero();
    JsonNode report = JSON.readTree(json.toString());
    List<String> groups = new ArrayList<>();
    report.path("groups").forEach(g -> groups.add(g.path("group").asText()));
    assertThat(groups).containsExactlyInAnyOrderElementsOf(LocalStack.SERVICE_GROUPS);
    assertThat(report.path("partitions").size()).isPositive();
    for (JsonNode p : report.path("partitions")) {
      assertThat(p.path("status").asText()).isIn("ok", "lagging", "stalled", "stopped");
      assertThat(p.has("lag_seconds") && p.has("committed_offset") && p.has("end_offset") && p.has("last_commit_age_seconds")).isTrue();
    }

    StringWriter table = new StringWriter();
    code =
        new CommandLine(new LagCommand())
            .setOut(new PrintWriter(table))
            .execute("--bootstrap-server", stack.settings().bootstrapServers(), "--group", ENRICH, "--samples", "1");
    assertThat(code).isZero();
    assertThat(table.toString()).contains(ENRICH).contains("TOPIC-PARTITION").contains(TopicNames.DEFAULT.articles() + "-0").doesNotContain("trendmill-ingest");
  }

  private static Optional<PartitionLag> worst(LagReport report, String group, String topic) {
    return report.partitions().stream().filter(p -> p.key().group().equals(group) && p.key().topic().equals(topic)).findFirst();
  }

  private static Optional<PartitionLag> partition(LagReport report, dev.trendmill.schemas.lag.PartitionKey key) {
    return report.partitions().stream().filter(p -> p.key().equals(key)).findFirst();
  }

  private static LagReport awaitReport(LagMonitor monitor, java.util.function.Predicate<LagReport> condition, Duration timeout, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    LagReport report = monitor.sample();
    while (!condition.test(report)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out waiting for " + what + "; last report: " + report.toMap());
      }
      Thread.sleep(1000);
      report = monitor.sample();
    }
    return report;
  }

  /** The worst partition of {@code group} on the aggregate's GET /api/lag once it is not ok. */
  private static JsonNode awaitLagApi(LocalStack stack, String group, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonNode body = null;
    while (System.nanoTime() < deadline) {
      HttpResponse<String> response =
          HTTP.send(HttpRequest.newBuilder(URI.create(stack.settings().viewUrl() + "/api/lag")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      body = JSON.readTree(response.body());
      for (JsonNode p : body.path("partitions")) {
        if (p.path("group").asText().equals(group) && !p.path("status").asText().equals("ok")) {
          return p; // partitions come worst first
        }
      }
      Thread.sleep(1000);
    }
    throw new AssertionError("GET /api/lag never showed " + group + " behind; last: " + body);
  }

  private static void signal(String signal, ChildProcess child) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(child.pid())).inheritIO().start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).as("kill -%s %d", signal, child.pid()).isZero();
  }

  /** Drops one new article on the inbox every 200 ms until closed: short, unique, naming no entity. */
  private static final class Feeder implements AutoCloseable {
    final AtomicInteger sent = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    Feeder(String bootstrapServers) {
      KafkaProducer<byte[], byte[]> producer =
          new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers, "linger.ms", 0), new ByteArraySerializer(), new ByteArraySerializer());
      thread =
          new Thread(
              () -> {
                try (producer) {
                  while (running.get()) {
                    String id = UUID.randomUUID().toString();
                    String article =
                        "{\"title\":\"quiet note " + id + "\",\"body\":\"a short quiet note about nothing much, number " + sent.get()
                            + ".\",\"url\":\"https://lag-probe.example.org/" + id + "\",\"language\":\"en\"}";
                    producer.send(new ProducerRecord<>(TopicNames.DEFAULT.inbox(), article.getBytes(StandardCharsets.UTF_8)));
                    sent.incrementAndGet();
                    Thread.sleep(200);
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "lag-feeder");
      thread.setDaemon(true);
      thread.start();
    }

    @Override
    public void close() throws InterruptedException {
      running.set(false);
      thread.join(10_000);
    }
  }
}
