package dev.trendmill.compose.bench;

import dev.trendmill.aggregate.AggregateConfig;
import dev.trendmill.aggregate.TrendTopology;
import dev.trendmill.compose.generate.ArticleGenerator;
import dev.trendmill.compose.generate.EntityPool;
import dev.trendmill.compose.generate.GeneratedArticle;
import dev.trendmill.compose.kafka.RawClients;
import dev.trendmill.schemas.TopicAdmin;
import dev.trendmill.schemas.TopicNames;
import dev.trendmill.schemas.Topics;
import dev.trendmill.schemas.avro.EnrichedArticle;
import dev.trendmill.schemas.avro.EntityMention;
import dev.trendmill.schemas.avro.TrendUpdate;
import dev.trendmill.schemas.ops.OpsMetrics;
import dev.trendmill.schemas.runtime.CommitPacer;
import dev.trendmill.schemas.runtime.CommitPacing;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Issue 5's benchmark: the aggregate topology fed from a pre-filled enriched-articles topic, beside a word count (our
 * own version of Kafka Streams' WordCountDemo: split lines into words, group by word, count) fed lines with exactly as
 * many words as the articles have entity mentions (the words are the entity ids, so the key spaces match too). Both
 * run in this JVM, one after the other, on the same broker with the same Streams settings (exactly-once v2, one
 * thread, the pipeline's commit pacing). Throughput is a drain of the pre-filled topic; latency is measured per
 * mention at a steady rate, from send to the output record that shows the new count (see {@link Freshness}).
 *
 * <p>The word count runs twice: with Kafka Streams' record cache, as the aggregate has its own buffer (the stricter
 * reference: a word is written once per commit), and without it, as WordCountDemo itself configures it (every word
 * written to the changelog and the output). The second is drained only.
 */
public final class AggregateBench {
  private static final TopicNames NAMES = new TopicNames("bench.");
  private static final String WORDS = "bench.words";
  private static final String WORD_COUNTS = "bench.word-counts";

  private final String bootstrap;
  private final String registryUrl;
  private final Path stateDir;
  private final PrintWriter out;
  private final long brokerPid;

  /**
   * One side's figures. The CPU times (nanoseconds, -1 when unknown) are those of its drain: of the topology's own
   * threads (stream thread, its producer's and consumer's), of the whole bench JVM (also the JIT compilers and the
   * collector), and of the broker. {@code commits} is how many commits its stream thread made in the drain (Kafka
   * Streams' {@code commit-total}): with exactly-once, each one a transaction.
   */
  public record Side(
      String name, long records, long mentions, double seconds, double secondHalfSeconds, long threadsCpuNanos, long jvmCpuNanos,
      long brokerCpuNanos, long commits, long samples, double p50, double p99, double max) {
    public double recordsPerSecond() {
      return records / seconds;
    }

    public double mentionsPerSecond() {
      return mentions / seconds;
    }

    public double microsPerMention() {
      return 1e6 / mentionsPerSecond();
    }

    /** The drain's second half alone: the JIT has compiled the hot paths by then, whichever topology ran first. */
    public double secondHalfMicrosPerMention() {
      return secondHalfSeconds * 1e6 / (mentions - mentions / 2);
    }

    /** One of the CPU times above, per mention; NaN when unknown. */
    public double cpuMicrosPerMention(long nanos) {
      return nanos < 0 ? Double.NaN : nanos / 1e3 / mentions;
    }
  }

  /** @param brokerPid the broker's process, whose CPU each drain also reports (-1: not reported) */
  public AggregateBench(String bootstrap, String registryUrl, Path stateDir, long brokerPid, PrintWriter out) {
    this.bootstrap = bootstrap;
    this.registryUrl = registryUrl;
    this.stateDir = stateDir;
    this.brokerPid = brokerPid;
    this.out = out;
  }

  /** Word-count topology, as in Kafka's WordCountDemo. */
  public static Topology wordCount() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(WORDS, Consumed.with(Serdes.String(), Serdes.String()))
        .flatMapValues(line -> Arrays.asList(line.split(" ")))
        .groupBy((key, word) -> word, Grouped.with("words", Serdes.String(), Serdes.String()))
        .count(Materialized.as("word-counts"))
        .toStream()
        .to(WORD_COUNTS, Produced.with(Serdes.String(), Serdes.Long()));
    return builder.build();
  }

  public List<Side> run(long articles, double steadyRate, Duration steadyFor, int partitions) throws Exception {
    AggregateConfig config =
        new AggregateConfig(
            Map.of(
                "bootstrap.servers", bootstrap,
                "schema.registry.url", registryUrl,
                "topic.prefix", NAMES.prefix(),
                "state.dir", stateDir.toString(),
                "http.port", 0));
    Topics topics = config.topics();
    try (Admin admin = admin()) {
      TopicAdmin.ensureTopics(admin, NAMES, partitions, (short) 1);
      admin.createTopics(List.of(new NewTopic(WORDS, partitions, (short) 1), new NewTopic(WORD_COUNTS, partitions, (short) 1))).all().get();
    }
    Instant start = Instant.parse("2025-09-01T00:00:00Z");
    ArticleGenerator generator = ArticleGenerator.withBundledCatalog(new ArticleGenerator.Settings(articles, 303, start, Duration.ofDays(7)));
    Map<String, EntityPool.Member> members = new HashMap<>();
    generator.pool().members().forEach(m -> members.put(m.id(), m));
    Serializer<EnrichedArticle> enrichedSerializer = topics.enriched().valueSerde().serializer();

    out.printf("Pre-filling %s and %s with %d records each...%n", topics.names().enriched(), WORDS, articles);
    out.flush();
    long mentions = 0;
    try (KafkaProducer<String, byte[]> producer = producer()) {
      for (GeneratedArticle article : generator) {
        mentions += article.entityIds().size();
        if (new HashSet<>(article.entityIds()).size() != article.entityIds().size()) {
          throw new IllegalStateException("generated article " + article.id() + " names an entity twice; the two sides would count differently");
        }
        producer.send(new ProducerRecord<>(topics.names().enriched(), article.id(), enrichedSerializer.serialize(topics.names().enriched(), enriched(article, members))));
        producer.send(new ProducerRecord<>(WORDS, article.id(), String.join(" ", article.entityIds()).getBytes(StandardCharsets.UTF_8)));
      }
      producer.flush();
    }

    Properties aggregateProps = config.streamsProperties("bench-aggregate", "aggregate");
    Properties wordProps = config.streamsProperties("bench-wordcount", "wordcount");
    // Both committed as the services commit (CommitPacer): every commit interval while they keep up, less often on
    // a backlog. A fresh topology for each run: the pacers attached to one belong to its KafkaStreams.
    CommitPacing pacing = config.commitPacing();
    Supplier<Topology> aggregate = () -> TrendTopology.build(topics, config.settings(), partitions);

    Drain aggregateDrain = drain("aggregate", aggregate, aggregateProps, pacing, topics.names().enriched(), mentions);
    Drain wordDrain = drain("word count", AggregateBench::wordCount, wordProps, pacing, WORDS, mentions);
    // The same topology with Kafka's WordCountDemo's own setting: no record cache, so every word writes its store's
    // changelog and the output topic. Drained only: a latency run would first meet the other runs' records.
    Properties demoProps = config.streamsProperties("bench-demo-wordcount", "wordcount");
    demoProps.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0L);
    Drain demoDrain = drain("word count without cache", AggregateBench::wordCount, demoProps, pacing, WORDS, mentions);

    // Latency at a steady rate, each topology alone again, on fresh records published after the backlog. Their event
    // time goes on from where the backlog's ended (a minute of it per second), as a live stream's does: a jump of a
    // day would close a day of windows at once, and the latency measured would be that burst of finals.
    long steadyArticles = (long) (steadyRate * steadyFor.toSeconds());
    ArticleGenerator steady =
        ArticleGenerator.withBundledCatalog(new ArticleGenerator.Settings(steadyArticles, 304, start.plus(Duration.ofDays(7)), steadyFor.multipliedBy(60)));
    steady.pool().members().forEach(m -> members.put(m.id(), m));
    Freshness aggregateFresh =
        steadyRun("aggregate", aggregate, aggregateProps, pacing, steady, steadyRate, members, (article, producer) ->
            producer.send(new ProducerRecord<>(topics.names().enriched(), article.id(), enrichedSerializer.serialize(topics.names().enriched(), enriched(article, members)))),
            topics.names().trends(), (record, fresh) -> {
              String key = new String(record.key(), StandardCharsets.UTF_8);
              if (key.endsWith("|all")) {
                TrendUpdate update = topics.trends().valueSerde().deserializer().deserialize(record.topic(), record.value());
                fresh.observed(update.getEntityId(), update.getCount(), System.nanoTime());
              }
            });
    Freshness wordFresh =
        steadyRun("word count", AggregateBench::wordCount, wordProps, pacing, steady, steadyRate, members, (article, producer) ->
            producer.send(new ProducerRecord<>(WORDS, article.id(), String.join(" ", article.entityIds()).getBytes(StandardCharsets.UTF_8))),
            WORD_COUNTS, (record, fresh) -> {
              String word = new String(record.key(), StandardCharsets.UTF_8);
              try (LongDeserializer longs = new LongDeserializer()) {
                fresh.observed(word, longs.deserialize(record.topic(), record.value()), System.nanoTime());
              }
            });
    return List.of(
        side("aggregate", articles, mentions, aggregateDrain, aggregateFresh),
        side("word count", articles, mentions, wordDrain, wordFresh),
        side("word count without cache", articles, mentions, demoDrain, new Freshness()));
  }

  private static Side side(String name, long records, long mentions, Drain drain, Freshness fresh) {
    return new Side(
        name, records, mentions, drain.seconds, drain.secondHalfSeconds, drain.threadsCpuNanos, drain.jvmCpuNanos, drain.brokerCpuNanos, drain.commits,
        fresh.measured(), fresh.percentileMillis(50), fresh.percentileMillis(99), fresh.percentileMillis(100));
  }

  /** Whole drain, and from half of the mentions counted to all of them; CPU nanoseconds as in {@link Side}. */
  private record Drain(double seconds, double secondHalfSeconds, long threadsCpuNanos, long jvmCpuNanos, long brokerCpuNanos, long commits) {}

  /**
   * Starts the topology on the pre-filled topic and times it until its store has counted every mention. Not until its
   * input offsets are committed: both topologies repartition, so the first sub-topology finishes long before the
   * counting one (an earlier version of this bench stopped there and left the counting backlog to the latency run).
   */
  private Drain drain(String name, Supplier<Topology> topology, Properties props, CommitPacing pacing, String input, long mentions) throws Exception {
    out.printf("Draining %s with the %s topology...%n", input, name);
    out.flush();
    String applicationId = props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
    try (KafkaStreams streams = CommitPacer.streams(topology.get(), props, pacing)) {
      long begin = System.nanoTime();
      long jvmPid = ProcessHandle.current().pid();
      long jvmCpuBefore = CpuTime.processNanos(jvmPid);
      long brokerCpuBefore = CpuTime.processNanos(brokerPid);
      streams.start();
      long counted = 0;
      long half = 0;
      while (counted < mentions) {
        if (streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.NOT_RUNNING) {
          throw new IllegalStateException(name + " stopped: " + streams.state());
        }
        if (System.nanoTime() - begin > Duration.ofMinutes(10).toNanos()) {
          throw new IllegalStateException(name + " counted " + counted + " of " + mentions + " mentions in 10 minutes");
        }
        Thread.sleep(20); // the word count's second half lasts under a second
        counted = streams.state() == KafkaStreams.State.RUNNING ? currentCounts(props, streams).values().stream().mapToLong(Long::longValue).sum() : 0;
        if (half == 0 && counted >= mentions / 2) {
          half = System.nanoTime();
        }
      }
      long end = System.nanoTime();
      // The client's threads are new with it, so their whole CPU time is this drain's (start-up included).
      long threadsCpu = CpuTime.threadsNanos(applicationId);
      Drain drain =
          new Drain(
              (end - begin) / 1e9, (end - half) / 1e9, threadsCpu, since(jvmCpuBefore, CpuTime.processNanos(jvmPid)),
              since(brokerCpuBefore, CpuTime.processNanos(brokerPid)), commits(streams));
      out.printf(
          "  %s: %.1f s, the second half of the mentions %.1f s; CPU: its threads %.1f s, the bench JVM %.1f s, the broker %.1f s; %d commits%n", name,
          drain.seconds, drain.secondHalfSeconds, drain.threadsCpuNanos / 1e9, drain.jvmCpuNanos / 1e9, drain.brokerCpuNanos / 1e9, drain.commits);
      streams.close(Duration.ofSeconds(60));
      return drain;
    }
  }

  /** Commits made so far by the client's stream threads ({@code commit-total}, a public thread metric). */
  private static long commits(KafkaStreams streams) {
    return (long) OpsMetrics.sum(streams.metrics(), "stream-thread-metrics", "commit-total", null);
  }

  private static long since(long before, long after) {
    return before < 0 || after < 0 ? -1 : after - before;
  }

  @FunctionalInterface
  private interface Sender {
    void send(GeneratedArticle article, KafkaProducer<String, byte[]> producer);
  }

  private Freshness steadyRun(
      String name, Supplier<Topology> topology, Properties props, CommitPacing pacing, ArticleGenerator steady, double rate, Map<String, EntityPool.Member> members, Sender sender,
      String output, BiConsumer<ConsumerRecord<byte[], byte[]>, Freshness> observe) throws Exception {
    out.printf("Latency of the %s topology at %.0f records/s...%n", name, rate);
    out.flush();
    Freshness fresh = new Freshness();
    try (KafkaStreams streams = CommitPacer.streams(topology.get(), props, pacing);
        KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      streams.start();
      List<TopicPartition> partitions = RawClients.partitions(consumer, output);
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position);
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (streams.state() != KafkaStreams.State.RUNNING && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      // The counts so far are where the new ones start: the drained backlog named the same entities.
      Map<String, Long> baseline = currentCounts(props, streams);
      baseline.forEach(fresh::baseline);
      Thread reader =
          Thread.ofPlatform().daemon().start(() -> {
            try {
              while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                  observe.accept(record, fresh);
                }
              }
            } catch (org.apache.kafka.common.errors.InterruptException stopped) {
              // the run is over
            }
          });
      try (KafkaProducer<String, byte[]> producer = producer()) {
        long interval = (long) (1e9 / rate);
        long next = System.nanoTime();
        for (GeneratedArticle article : steady) {
          long wait;
          while ((wait = next - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
          }
          next += interval;
          long sent = System.nanoTime();
          article.entityIds().forEach(id -> fresh.sent(id, sent));
          sender.send(article, producer);
        }
        producer.flush();
      }
      fresh.awaitSeen(Duration.ofSeconds(30));
      reader.interrupt();
      reader.join(5_000);
      out.println("  " + fresh.summary());
      streams.close(Duration.ofSeconds(60));
    }
    return fresh;
  }

  /** The all-time counts in the running topology's store (aggregate totals, or word counts). */
  private static Map<String, Long> currentCounts(Properties props, KafkaStreams streams) throws InterruptedException {
    Map<String, Long> counts = new HashMap<>();
    boolean aggregate = props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG).contains("aggregate");
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (true) {
      try {
        if (aggregate) {
          var store = streams.store(org.apache.kafka.streams.StoreQueryParameters.fromNameAndType(
              dev.trendmill.aggregate.StoreNames.ALL_TIME, org.apache.kafka.streams.state.QueryableStoreTypes.<String, TrendUpdate>keyValueStore()));
          try (var all = store.all()) {
            all.forEachRemaining(kv -> counts.put(kv.key, kv.value.getCount()));
          }
        } else {
          var store = streams.store(org.apache.kafka.streams.StoreQueryParameters.fromNameAndType(
              "word-counts", org.apache.kafka.streams.state.QueryableStoreTypes.<String, Long>keyValueStore()));
          try (var all = store.all()) {
            all.forEachRemaining((KeyValue<String, Long> kv) -> counts.put(kv.key, kv.value));
          }
        }
        return counts;
      } catch (org.apache.kafka.streams.errors.InvalidStateStoreException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }

  private static EnrichedArticle enriched(GeneratedArticle article, Map<String, EntityPool.Member> members) {
    return EnrichedArticle.newBuilder()
        .setId(article.id())
        .setUrl(article.url())
        .setTitle(article.title())
        .setPublishedAt(article.publishedAt())
        .setIngestedAt(Instant.now())
        .setSource(article.source())
        .setLanguage("en")
        .setDuplicateOf(null)
        .setEntities(article.entityIds().stream().map(id -> EntityMention.newBuilder()
            .setEntityId(id).setName(members.get(id).name()).setType(members.get(id).type()).setMentions(1).setSalience(0.5).setConfidence(1.0).build()).toList())
        .setExtractorVersion("bench")
        .build();
  }

  private Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
  }

  private KafkaProducer<String, byte[]> producer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.LINGER_MS_CONFIG, 5,
            ProducerConfig.BATCH_SIZE_CONFIG, 131072),
        new StringSerializer(),
        new org.apache.kafka.common.serialization.ByteArraySerializer());
  }

  private KafkaConsumer<byte[], byte[]> consumer() {
    return RawClients.committedReader(bootstrap);
  }
}
