package dev.trendmill.compose.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trendmill.compose.bench.ProcessMemory;
import dev.trendmill.compose.embedded.ChildProcess;
import dev.trendmill.compose.embedded.LocalStack;
import dev.trendmill.compose.generate.ArticleGenerator;
import dev.trendmill.compose.generate.GeneratedArticle;
import dev.trendmill.compose.generate.GroundTruth;
import dev.trendmill.compose.kafka.RawClients;
import dev.trendmill.schemas.TopicNames;
import dev.trendmill.schemas.deadletter.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad input at volume on the shared stack: 10,000 hostile records (random bytes, truncated and deeply nested JSON,
 * huge strings, wrong types, invalid UTF-8, control characters, HTML and script payloads) mixed with 800 generated
 * articles. Every hostile record is in {@code articles.dlq} with a reason, found by its key (the dead-letter topic
 * keeps the original key); every article is counted exactly (all-time, as a difference to a snapshot); no service
 * restarts (same pids) or stalls (all through within a deadline); each service's resident memory stays bounded.
 *
 * <p>The articles are published in 2024, long before other tests' articles, so they are late for the windows (counted
 * all-time only, as the aggregate promises) and leave the other tests' "now" and windows alone.
 */
@ExtendWith(EmbeddedStackExtension.class)
class FuzzInboxIT {
  private static final int HOSTILE = 10_000;
  private static final int VALID = 800;
  private static final long MAX_RSS_GROWTH_KB = 400 * 1024;

  @Test
  void hostileRecordsAreDeadLetteredAndArticlesCountedWithoutRestartsOrGrowth(LocalStack stack) throws Exception {
    String bootstrap = stack.settings().bootstrapServers();
    String run = Long.toHexString(System.nanoTime());
    Map<String, Long> pids = new TreeMap<>();
    Map<String, Long> rssBefore = new TreeMap<>();
    for (ChildProcess child : stack.services().values()) {
      pids.put(child.name(), child.pid());
      rssBefore.put(child.name(), rssKb(child.pid()));
    }
    Map<TopicPartition, Long> dlqStart = endOffsets(bootstrap, TopicNames.DEFAULT.deadLetters());
    ArticleGenerator generator =
        ArticleGenerator.withBundledCatalog(new ArticleGenerator.Settings(VALID, 77, Instant.parse("2024-03-01T00:00:00Z"), Duration.ofDays(3)));
    GroundTruthCheck.Snapshot before = GroundTruthCheck.snapshot(stack.settings().viewUrl(), generator.pool().members().stream().map(m -> m.id()).toList());
    GroundTruth truth = GroundTruth.withDefaultSettings(generator.pool());
    SplittableRandom random = new SplittableRandom(20261121);
    Map<String, String> kinds = new HashMap<>();
    try (KafkaProducer<byte[], byte[]> producer = producer(bootstrap)) {
      List<Future<RecordMetadata>> acks = new ArrayList<>();
      var articles = generator.iterator();
      int every = HOSTILE / VALID;
      for (int i = 0; i < HOSTILE; i++) {
        String kind = HostileRecords.KINDS.get(i % HostileRecords.KINDS.size());
        String key = "fuzz-" + run + "-" + i;
        kinds.put(key, kind);
        acks.add(producer.send(new ProducerRecord<>(TopicNames.DEFAULT.inbox(), key.getBytes(StandardCharsets.UTF_8), HostileRecords.make(kind, random))));
        if (i % every == 0 && articles.hasNext()) {
          GeneratedArticle article = articles.next();
          truth.add(article);
          acks.add(producer.send(new ProducerRecord<>(TopicNames.DEFAULT.inbox(), article.id().getBytes(StandardCharsets.UTF_8), article.toJson())));
        }
      }
      articles.forEachRemaining(article -> {
        truth.add(article);
        acks.add(producer.send(new ProducerRecord<>(TopicNames.DEFAULT.inbox(), article.id().getBytes(StandardCharsets.UTF_8), article.toJson())));
      });
      producer.flush();
      for (Future<RecordMetadata> ack : acks) {
        ack.get(60, TimeUnit.SECONDS);
      }
    }
    assertThat(truth.articles()).isEqualTo(VALID);

    // Every hostile record is dead-lettered once, by ingest, with a reason.
    Map<String, String> reasons = awaitDeadLetters(bootstrap, dlqStart, "fuzz-" + run + "-", HOSTILE, Duration.ofMinutes(4));
    assertThat(reasons).as("hostile records dead-lettered").hasSize(HOSTILE);
    Map<String, Map<String, Integer>> reasonsByKind = new TreeMap<>();
    reasons.forEach((key, reason) -> reasonsByKind.computeIfAbsent(kinds.get(key), k -> new TreeMap<>()).merge(reason, 1, Integer::sum));
    System.out.println("Dead-letter reasons by kind of hostile record: " + reasonsByKind);
    assertThat(reasons.values()).allMatch(reason -> reason != null && !reason.isBlank());

    // Every article is counted, exactly.
    GroundTruthCheck.awaitAndVerifyAllTime(stack.settings().viewUrl(), before, truth, Duration.ofMinutes(3));

    // Nobody restarted, nobody grew without bound.
    for (ChildProcess child : stack.services().values()) {
      assertThat(child.isAlive()).as(child.name() + " alive").isTrue();
      assertThat(child.pid()).as(child.name() + " pid").isEqualTo(pids.get(child.name()));
      long after = rssKb(child.pid());
      System.out.printf("RSS of %s: %d MB before, %d MB after%n", child.name(), rssBefore.get(child.name()) / 1024, after / 1024);
      assertThat(after - rssBefore.get(child.name())).as(child.name() + " RSS growth (KB)").isLessThan(MAX_RSS_GROWTH_KB);
    }
  }

  static long rssKb(long pid) {
    long rss = ProcessMemory.of(pid).rssKb();
    if (rss < 0) {
      throw new IllegalStateException("No VmRSS for pid " + pid);
    }
    return rss;
  }

  private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
    return RawClients.idempotentProducer(
        bootstrap,
        Map.of(
            ProducerConfig.LINGER_MS_CONFIG, 5,
            ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024,
            ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024));
  }

  private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
    return RawClients.committedReader(bootstrap);
  }

  private static Map<TopicPartition, Long> endOffsets(String bootstrap, String topic) {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      return new HashMap<>(consumer.endOffsets(partitions));
    }
  }

  /** Key → reason header of the dead letters whose key starts with {@code prefix}, read until {@code expected} are in. */
  private static Map<String, String> awaitDeadLetters(String bootstrap, Map<TopicPartition, Long> start, String prefix, int expected, Duration timeout) {
    Map<String, String> reasons = new HashMap<>();
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
      consumer.assign(start.keySet());
      start.forEach(consumer::seek);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (reasons.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          String key = record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
          if (key.startsWith(prefix)) {
            assertThat(DeadLetterHeaders.get(record.headers(), DeadLetterHeaders.STAGE)).isEqualTo("ingest");
            assertThat(reasons.put(key, DeadLetterHeaders.get(record.headers(), DeadLetterHeaders.REASON))).as("dead-lettered once: " + key).isNull();
          }
        }
      }
    }
    return reasons;
  }
}
