package dev.trendmill.compose.bench;

import dev.trendmill.aggregate.AggregateConfig;
import dev.trendmill.aggregate.TrendTopology;
import dev.trendmill.compose.kafka.RawClients;
import dev.trendmill.ingest.InboxTopology;
import dev.trendmill.ingest.IngestConfig;
import dev.trendmill.schemas.TopicNames;
import dev.trendmill.schemas.Topics;
import dev.trendmill.schemas.avro.ArticleMentions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Where freshness goes: a read_committed reader of every topic an article crosses on its way to the view, noting when
 * each record becomes visible. The services keep the inbox record's timestamp (the drop time, set by the sender's
 * producer) on the stories, articles and enriched records, so their delay is read off each record; the aggregate's
 * mention records carry the publication time instead, so they are matched to their article's drop time by article id.
 * Every exactly-once hop shows its output only when its transaction commits, so the steps between stages are mostly
 * commit waits.
 */
final class StageProbe implements AutoCloseable {
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Deserializer<ArticleMentions> mentions;
  private final String mentionTopic;
  private final Map<String, List<long[]>> delays = new LinkedHashMap<>(); // topic -> {drop time, ms from drop to visible}
  private final Map<String, Long> droppedAt = new HashMap<>(); // article id -> drop time, ms
  private final Map<String, Map<String, Long>> firstDelays = new HashMap<>(); // topic -> article id -> delay of its first record
  private final Thread reader;
  private volatile boolean running = true;

  /** @param topics the stages in pipeline order, the last one the aggregate's mention repartition topic */
  StageProbe(String bootstrap, List<String> topics, Deserializer<ArticleMentions> mentions) {
    this.consumer = RawClients.committedReader(bootstrap);
    this.mentions = mentions;
    this.mentionTopic = topics.get(topics.size() - 1);
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : topics) {
      delays.put(topic, new ArrayList<>());
      consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
    }
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position); // resolve the end offsets now, before any record of the run is sent
    this.reader = Thread.ofPlatform().daemon().name("stage-probe").start(this::read);
  }

  /** The topics of the local stack's pipeline, from ingest's repartition into one partition to the aggregate's mentions by partition. */
  static List<String> pipelineTopics() {
    return List.of(
        InboxTopology.storiesTopic(IngestConfig.APPLICATION_ID),
        TopicNames.DEFAULT.articles(),
        TopicNames.DEFAULT.enriched(),
        TrendTopology.mentionsTopic(AggregateConfig.APPLICATION_ID));
  }

  static StageProbe onPipeline(String bootstrap, String registryUrl) {
    Topics topics = new Topics(TopicNames.DEFAULT, Map.of("schema.registry.url", registryUrl));
    return new StageProbe(bootstrap, pipelineTopics(), topics.<ArticleMentions>avroSerde().deserializer());
  }

  private void read() {
    while (running) {
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
        long now = System.currentTimeMillis();
        String topic = record.topic();
        long dropped;
        String articleId;
        if (topic.equals(mentionTopic)) {
          articleId = mentions.deserialize(topic, record.value()).getArticleId();
          Long at = droppedAt.get(articleId);
          if (at == null) {
            continue; // an article sent before the probe started
          }
          dropped = at;
        } else {
          articleId = new String(record.key(), StandardCharsets.UTF_8);
          dropped = record.timestamp();
          droppedAt.putIfAbsent(articleId, dropped);
        }
        synchronized (delays) {
          delays.get(topic).add(new long[] {dropped, now - dropped});
          firstDelays.computeIfAbsent(topic, t -> new HashMap<>()).putIfAbsent(articleId, now - dropped);
        }
      }
    }
  }

  /** The delay, in ms, from the article's drop to its first record in the topic; null while not seen there. */
  Long delay(String topic, String articleId) {
    synchronized (delays) {
      return firstDelays.getOrDefault(topic, Map.of()).get(articleId);
    }
  }

  /** One line per stage: records dropped from {@code fromMillis} on, and the p50 / p99 of their delay. */
  String summary(long fromMillis) {
    StringBuilder lines = new StringBuilder();
    synchronized (delays) {
      delays.forEach(
          (topic, values) -> {
            long[] sorted = values.stream().filter(value -> value[0] >= fromMillis).mapToLong(value -> value[1]).sorted().toArray();
            lines.append(String.format(Locale.ROOT, "  %-50s %,9d records: p50 %5d ms, p99 %5d ms%n", topic, sorted.length, percentile(sorted, 50), percentile(sorted, 99)));
          });
    }
    return lines.toString();
  }

  /** Every record seen, as CSV (topic, drop time in ms since the epoch, delay in ms), to see when delays happened. */
  void write(Path csv) throws IOException {
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(csv))) {
      out.println("topic,dropped_ms,delay_ms");
      synchronized (delays) {
        delays.forEach((topic, values) -> values.forEach(value -> out.println(topic + "," + value[0] + "," + value[1])));
      }
    }
  }

  private static long percentile(long[] sorted, double p) {
    return sorted.length == 0 ? -1 : Freshness.nearestRank(sorted, p);
  }

  @Override
  public void close() {
    running = false;
    try {
      reader.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // closes all the same, and leaves the interrupt to the caller
    }
    consumer.close();
    mentions.close();
  }
}
