package dev.trendmill.compose.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trendmill.compose.embedded.ChildProcess;
import dev.trendmill.compose.embedded.LocalStack;
import dev.trendmill.compose.embedded.StackException;
import dev.trendmill.compose.generate.ArticleGenerator;
import dev.trendmill.compose.generate.EntityPool;
import dev.trendmill.compose.generate.GeneratedArticle;
import dev.trendmill.compose.kafka.RawClients;
import dev.trendmill.compose.progress.IngestCounters;
import dev.trendmill.compose.view.ViewClient;
import dev.trendmill.schemas.TopicNames;
import dev.trendmill.schemas.Topics;
import dev.trendmill.schemas.avro.Article;
import dev.trendmill.schemas.serde.AvroSerdeConfig;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The end-to-end benchmark on a running local stack: the raw broker first (Kafka's producer-performance tool on one
 * topic with our article sizes), then a backlog of generated articles drained through ingest → enrich → aggregate from
 * a cold start, then a second one through the warm services (the sustained articles/s), then freshness at a steady
 * rate (time from drop to the count visible in the view), and the resident memory of every process.
 */
public final class EndToEndBench {
  private final LocalStack stack;
  private final PrintWriter out;
  private final ViewClient view;

  /** The figures of one run. */
  public record Result(
      BrokerBaseline.Result broker,
      long articles,
      long mentions,
      double fillPerSecond,
      double drainSeconds,
      double drainFromFirstSeconds,
      double articlesPerSecond,
      double secondHalfArticlesPerSecond,
      long warmArticles,
      double warmSeconds,
      double warmArticlesPerSecond,
      double steadyRate,
      long freshnessSamples,
      double p50,
      double p99,
      double max,
      Map<String, ProcessMemory> memory) {}

  public EndToEndBench(LocalStack stack, PrintWriter out) {
    this.stack = stack;
    this.out = out;
    this.view = new ViewClient(stack.settings().viewUrl());
  }

  /**
   * @param warmup how long the steady rate runs before freshness is measured: the first seconds after the drain are
   *     slower (the bench's own sender, poller and probe compiling, the services settling), which a live stream that
   *     has been running does not see; their maximum is reported apart
   * @param warmArticles articles of the second drain, through the services warmed by the first (0: none)
   * @param stages also time each topic an article crosses during the freshness run ({@link StageProbe})
   */
  public Result run(long articles, long warmArticles, long brokerRecords, double steadyRate, Duration warmup, Duration steadyFor, Path workDir, boolean stages)
      throws Exception {
    String bootstrap = stack.settings().bootstrapServers();
    Instant start = Instant.parse("2025-06-01T00:00:00Z");
    ArticleGenerator backlog = ArticleGenerator.withBundledCatalog(new ArticleGenerator.Settings(articles, 101, start, Duration.ofDays(7)));

    // 1. The raw broker, with the same records.
    Path payloads = workDir.resolve("payloads.txt");
    try (OutputStream file = Files.newOutputStream(payloads)) {
      for (long i = 0; i < Math.min(articles, 2000); i++) {
        file.write(backlog.article(i).toJson());
        file.write('\n');
      }
    }
    try (Admin admin = stack.admin()) {
      admin.createTopics(List.of(new NewTopic("bench.raw", stack.settings().partitions(), (short) 1))).all().get();
    }
    out.printf("Raw broker: ProducerPerformance, %d records from %s...%n", brokerRecords, payloads.getFileName());
    out.flush();
    BrokerBaseline.Result broker = BrokerBaseline.run(bootstrap, "bench.raw", payloads, brokerRecords, workDir.resolve("producer-performance.log"));
    out.println("  " + broker.summary());

    // 2. A backlog on the inbox while the services are stopped, then drained.
    for (String service : List.of("ingest", "enrich", "aggregate")) {
      stack.services().get(service).stop(Duration.ofSeconds(60));
    }
    out.printf("Filling the inbox with %d generated articles (services stopped)...%n", articles);
    out.flush();
    LongAdder backlogMentions = new LongAdder();
    long fillStart = System.nanoTime();
    send(bootstrap, StreamSupport.stream(backlog.spliterator(), false).peek(article -> backlogMentions.add(article.entityIds().size())).map(EndToEndBench::inboxRecord));
    long mentions = backlogMentions.sum();
    double fillPerSecond = articles / ((System.nanoTime() - fillStart) / 1e9);
    out.printf("  %.0f articles/s into the inbox (generation included)%n", fillPerSecond);
    long drainStart = System.nanoTime();
    for (String service : List.of("ingest", "enrich", "aggregate")) {
      stack.restartService(service);
    }
    Drain cold = awaitDrain(0, mentions, drainStart);
    long drainEnd = cold.end();
    long firstSeen = cold.firstSeen();
    double drainSeconds = (drainEnd - drainStart) / 1e9;
    double fromFirst = (drainEnd - firstSeen) / 1e9;
    // The second half apart: the JVMs' JIT compilers take much of both cores for the first minute or so (their
    // threads used 42% of the stack's CPU in one drain of 100,000 articles), so a whole-drain rate depends on the
    // drain's length, and the second half's is the closer to a sustained rate.
    double secondHalf = cold.halfSeen() < 0 || drainEnd <= cold.halfSeen() ? Double.NaN : articles * ((double) (cold.counted() - cold.countedAtHalf()) / mentions) / ((drainEnd - cold.halfSeen()) / 1e9);
    out.printf("  drained in %.1f s from service start (%.1f s from the first count): %.0f articles/s; second half %.0f articles/s%n", drainSeconds, fromFirst, articles / fromFirst, secondHalf);
    out.flush();

    // 2b. The sustained rate: a second backlog through the same, running services, whose JIT compilers did most of
    // their work in the first. Generated and serialized before the clock starts, then sent as fast as the producer
    // goes while the services drain it (the sending shares the two cores, so the rate is if anything understated).
    Instant end = backlog.settings().end();
    double warmSeconds = Double.NaN;
    if (warmArticles > 0) {
      ArticleGenerator second = ArticleGenerator.withBundledCatalog(new ArticleGenerator.Settings(warmArticles, 102, end, Duration.ofDays(7)));
      end = second.settings().end();
      List<ProducerRecord<byte[], byte[]>> batch = new ArrayList<>((int) warmArticles);
      long warmMentions = 0;
      for (GeneratedArticle article : second) {
        batch.add(inboxRecord(article));
        warmMentions += article.entityIds().size();
      }
      out.printf("Draining %d more articles through the running services, sent as fast as the producer goes...%n", warmArticles);
      out.flush();
      long countedBefore = viewMentions();
      long sendStart = System.nanoTime();
      send(bootstrap, batch.stream());
      long sendDone = System.nanoTime();
      Drain warm = awaitDrain(countedBefore, warmMentions, sendStart);
      warmSeconds = (warm.end() - sendStart) / 1e9;
      out.printf("  drained in %.1f s from the first send (the sending took %.1f s): %.0f articles/s%n", warmSeconds, (sendDone - sendStart) / 1e9, warmArticles / warmSeconds);
      out.flush();
    }

    // 3. Freshness at a steady rate, after the backlog. Event time goes on from where the backlog's ended (a minute of
    // it per second), as a live stream's does: a jump of a day would close a day of windows at once in the aggregate,
    // and the freshness measured would include that burst of final counts.
    long warmupArticles = (long) (steadyRate * warmup.toSeconds());
    long steadyArticles = warmupArticles + (long) (steadyRate * steadyFor.toSeconds());
    ArticleGenerator steady =
        ArticleGenerator.withBundledCatalog(
            new ArticleGenerator.Settings(steadyArticles, 202, end, warmup.plus(steadyFor).multipliedBy(60)));
    // Generated and serialized before the clock starts: the sender then only hands bytes to its producer, so the load
    // generator takes little of the two cores the stack is measured on (generating in the loop, and compiling that
    // code, took a tenth of a core in the first seconds).
    List<SteadyArticle> toSend = new ArrayList<>((int) steadyArticles);
    for (GeneratedArticle article : steady) {
      toSend.add(new SteadyArticle(article.id().getBytes(StandardCharsets.UTF_8), article.toJson(), article.entityIds()));
    }
    Freshness freshness = new Freshness();
    Map<String, Long> now = viewCounts();
    for (EntityPool.Member member : steady.pool().members()) {
      freshness.baseline(member.id(), now.getOrDefault(member.id(), 0L));
    }
    out.printf("Freshness: %d articles at %.0f/s after %d s of warm-up at that rate, the view polled every 20 ms...%n", steadyArticles - warmupArticles, steadyRate, warmup.toSeconds());
    out.flush();
    Thread poller =
        Thread.ofPlatform().daemon().name("view-poller").start(() -> {
          while (!Thread.currentThread().isInterrupted()) {
            try {
              Map<String, Long> counts = viewCounts();
              long seen = System.nanoTime();
              counts.forEach((id, count) -> freshness.observed(id, count, seen));
              Thread.sleep(20);
            } catch (InterruptedException e) {
              return;
            } catch (Exception e) {
              // the next poll tries again
            }
          }
        });
    StageProbe probe = stages ? StageProbe.onPipeline(bootstrap, stack.settings().registryUrl()) : null;
    Map<TopicPartition, Long> articlesBefore = endOffsets(bootstrap, TopicNames.DEFAULT.articles());
    long measuredFromMillis;
    try (KafkaProducer<byte[], byte[]> producer = producer(bootstrap)) {
      long interval = (long) (1e9 / steadyRate);
      long next = System.nanoTime();
      freshness.measureFrom(next + warmupArticles * interval);
      measuredFromMillis = System.currentTimeMillis() + warmupArticles * interval / 1_000_000;
      for (int index = 0; index < toSend.size(); index++) {
        SteadyArticle article = toSend.get(index);
        int number = index;
        long wait;
        while ((wait = next - System.nanoTime()) > 0) {
          java.util.concurrent.locks.LockSupport.parkNanos(wait);
        }
        next += interval;
        long sent = System.nanoTime();
        article.entityIds().forEach(id -> freshness.sent(id, sent, number));
        producer.send(new ProducerRecord<>(TopicNames.DEFAULT.inbox(), article.key(), article.json()));
      }
      producer.flush();
    }
    freshness.awaitSeen(Duration.ofSeconds(60), Duration.ofSeconds(10));
    poller.interrupt();
    poller.join(5_000);
    // Read after the clock stopped, so it takes nothing from the stack while measuring.
    Set<Integer> nearDuplicates = nearDuplicates(bootstrap, articlesBefore, toSend);
    freshness.exclude(nearDuplicates);
    out.printf("  %d articles ingest marked as near-duplicates (a story counts once) left out: %d mentions%n", nearDuplicates.size(), freshness.excluded());
    out.println("  " + freshness.summary());
    out.println("  p50 / p99 / max by 10 s of sending: " + freshness.bySendingTime(Duration.ofSeconds(10)));
    if (probe != null) {
      probe.close();
      Path csv = workDir.resolve("freshness-stages.csv");
      probe.write(csv);
      out.print("  from the drop to visible in each topic on the way (read_committed):\n" + probe.summary(measuredFromMillis) + "  (every record: " + csv + ")\n");
    }

    Map<String, ProcessMemory> memory = new LinkedHashMap<>();
    memory.put("kafka", ProcessMemory.of(stack.kafka().process().pid()));
    memory.put("registry", ProcessMemory.of(stack.registry().process().pid()));
    for (ChildProcess child : stack.services().values()) {
      memory.put(child.name(), ProcessMemory.of(child.pid()));
    }
    return new Result(
        broker, articles, mentions, fillPerSecond, drainSeconds, fromFirst, articles / fromFirst, secondHalf, warmArticles, warmSeconds,
        warmArticles / warmSeconds, steadyRate, freshness.measured(),
        freshness.percentileMillis(50), freshness.percentileMillis(99), freshness.percentileMillis(100), memory);
  }

  /** When a drain's mentions were first seen counted, half counted (and how many then), and all counted. */
  private record Drain(long firstSeen, long halfSeen, long countedAtHalf, long counted, long end) {}

  /**
   * Waits until the view has counted {@code mentions} more than {@code before}, or the pipeline is idle short of that
   * (articles ingest marked as near-duplicates of others count once); times in {@link System#nanoTime}, counts as
   * this drain's own.
   */
  private Drain awaitDrain(long before, long mentions, long start) throws InterruptedException {
    long firstSeen = -1;
    long counted = 0;
    long halfSeen = -1;
    long countedAtHalf = 0;
    long lastChange = System.nanoTime();
    long lastChangeWall = System.currentTimeMillis();
    Duration timeout = Duration.ofSeconds(Math.max(300, mentions / 1000));
    while (counted < mentions) {
      if (System.nanoTime() - start > timeout.toNanos()) {
        throw new IllegalStateException("Only " + counted + " of " + mentions + " mentions counted after " + timeout);
      }
      Thread.sleep(250);
      long now = viewMentions() - before;
      if (now != counted) {
        counted = now;
        lastChange = System.nanoTime();
        lastChangeWall = System.currentTimeMillis();
      } else if (counted > 0 && System.nanoTime() - lastChange > Duration.ofSeconds(5).toNanos() && pipelineIdleSince(lastChangeWall)) {
        // Ingest may mark a generated article as a near-duplicate of another (its mentions then count once): the
        // drain ends when nothing is left to do, and the shortfall is reported with ingest's count of them.
        out.printf("  %,d of %,d mentions counted; the pipeline is idle and ingest has marked %d articles as near-duplicates so far%n",
            counted, mentions, ingestCounter("trendmill_ingest_near_duplicates_total"));
        lastChange = System.nanoTime() - Duration.ofSeconds(5).toNanos(); // the drain ended 5 s ago, at the last change
        break;
      }
      if (counted > 0 && firstSeen < 0) {
        firstSeen = System.nanoTime();
      }
      if (counted * 2 >= mentions && halfSeen < 0) {
        halfSeen = System.nanoTime();
        countedAtHalf = counted;
      }
    }
    return new Drain(firstSeen, halfSeen, countedAtHalf, counted, Math.min(System.nanoTime(), lastChange));
  }

  private static ProducerRecord<byte[], byte[]> inboxRecord(GeneratedArticle article) {
    return new ProducerRecord<>(TopicNames.DEFAULT.inbox(), article.id().getBytes(StandardCharsets.UTF_8), article.toJson());
  }

  /** Sends the records as fast as the producer goes, and waits until every one is written. */
  private static void send(String bootstrap, Stream<ProducerRecord<byte[], byte[]>> records) throws Exception {
    AtomicReference<Exception> failure = new AtomicReference<>();
    try (KafkaProducer<byte[], byte[]> producer = producer(bootstrap)) {
      records.forEach(record -> producer.send(record, (md, e) -> {
        if (e != null) {
          failure.compareAndSet(null, e);
        }
      }));
      producer.flush();
    }
    if (failure.get() != null) {
      throw failure.get();
    }
  }

  /** Every consumer group of the pipeline at zero lag in a lag sample taken after {@code sinceMs}. */
  private boolean pipelineIdleSince(long sinceMs) {
    try {
      JsonNode lag = view.get("/api/lag");
      if (lag.path("sampled_at_ms").asLong() <= sinceMs || lag.path("groups").isEmpty()) {
        return false;
      }
      for (JsonNode group : lag.path("groups")) {
        if (group.path("lag_records").asLong() != 0) {
          return false;
        }
      }
      return true;
    } catch (StackException e) {
      return false;
    }
  }

  /** One of ingest's Prometheus counters; -1 when it cannot be read. */
  private long ingestCounter(String metric) {
    try {
      return new IngestCounters(stack.settings().ingestUrl()).counter(metric);
    } catch (IllegalStateException e) {
      return -1;
    }
  }

  private long viewMentions() {
    try {
      return view.stats().path("mentions").asLong();
    } catch (StackException e) {
      return 0;
    }
  }

  private Map<String, Long> viewCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (JsonNode row : view.trends("all", 1000).path("trends")) {
      counts.put(row.path("id").asText(), row.path("count").asLong());
    }
    return counts;
  }

  static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
    return RawClients.idempotentProducer(
        bootstrap,
        Map.of(
            ProducerConfig.LINGER_MS_CONFIG, 5,
            ProducerConfig.BATCH_SIZE_CONFIG, 131072,
            ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024));
  }

  private static Map<TopicPartition, Long> endOffsets(String bootstrap, String topic) {
    try (KafkaConsumer<byte[], byte[]> reader = RawClients.committedReader(bootstrap)) {
      return reader.endOffsets(RawClients.partitions(reader, topic));
    }
  }

  /**
   * The numbers of the articles sent that ingest published as near-duplicates of earlier ones: read from {@code
   * articles} (committed records only) between the offsets taken before sending and its end now.
   */
  private Set<Integer> nearDuplicates(String bootstrap, Map<TopicPartition, Long> from, List<SteadyArticle> sent) {
    Map<String, Integer> numbers = new HashMap<>();
    for (int i = 0; i < sent.size(); i++) {
      numbers.put(new String(sent.get(i).key(), StandardCharsets.UTF_8), i);
    }
    Set<Integer> duplicates = new HashSet<>();
    try (KafkaConsumer<byte[], byte[]> reader = RawClients.committedReader(bootstrap);
        Deserializer<Article> articles = new Topics(TopicNames.DEFAULT, Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, stack.settings().registryUrl())).<Article>avroSerde().deserializer()) {
      reader.assign(from.keySet());
      from.forEach(reader::seek);
      Map<TopicPartition, Long> end = reader.endOffsets(from.keySet());
      long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
      while (end.entrySet().stream().anyMatch(e -> reader.position(e.getKey()) < e.getValue()) && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(200))) {
          Article article = articles.deserialize(record.topic(), record.value());
          Integer number = numbers.get(article.getId());
          if (article.getDuplicateOf() != null && number != null) {
            duplicates.add(number);
          }
        }
      }
    }
    return duplicates;
  }

  /** A steady-rate article ready to send: its key and JSON, and the entities it names (for the freshness count). */
  private record SteadyArticle(byte[] key, byte[] json, List<String> entityIds) {}
}
