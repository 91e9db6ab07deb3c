package dev.trendmill.compose.progress;

import dev.trendmill.compose.embedded.Deadline;
import dev.trendmill.compose.kafka.RawClients;
import dev.trendmill.compose.view.ViewClient;
import dev.trendmill.schemas.TopicNames;
import dev.trendmill.schemas.avro.EnrichedArticle;
import dev.trendmill.schemas.avro.EntityMention;
import dev.trendmill.schemas.deadletter.DeadLetterHeaders;
import dev.trendmill.schemas.serde.AvroDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Knows when a batch dropped on the inbox is all the way through, by counting what each stage wrote since a
 * snapshot, not by timing: every record in is an article out, a suppressed exact duplicate (ingest's counter on its
 * {@code /metrics}) or a dead letter (ingest); every article is enriched or dead-lettered (enrich); and the view has
 * counted every entity mention of the new enriched articles (aggregate). Reads committed data only, as downstream
 * consumers do.
 */
public final class PipelineProgress {
  private final Map<String, Object> clientProperties;
  private final TopicNames names;
  private final Map<String, ?> serdeConfig;
  private final IngestCounters ingest;

  /**
   * @param ingestUrl the ingest service's HTTP root, whose {@code /metrics} counts suppressed duplicates; null when
   *     there is none to ask (then a batch with exact duplicates never completes)
   */
  public PipelineProgress(Map<String, Object> clientProperties, TopicNames names, Map<String, ?> serdeConfig, String ingestUrl) {
    this.clientProperties = clientProperties;
    this.names = names;
    this.serdeConfig = serdeConfig;
    this.ingest = new IngestCounters(ingestUrl);
  }

  /** End offsets of the topics we count, the view's total and ingest's suppressed duplicates, before a drop. */
  public record Snapshot(Map<TopicPartition, Long> offsets, long viewMentions, long duplicatesSuppressed) {}

  /** What a batch became, stage by stage. */
  public record Outcome(
      long sent,
      long articles,
      long duplicatesSuppressed,
      long deadLetters,
      Map<String, Long> deadLettersByStage,
      Map<String, Long> deadLettersByReason,
      long enriched,
      long mentions,
      long viewMentions,
      boolean complete) {

    public String summary() {
      return String.format(
          Locale.ROOT,
          "%d in: %d articles out, %d duplicates suppressed, %d dead-lettered %s; %d enriched with %d entity mentions; view counted %d",
          sent, articles, duplicatesSuppressed, deadLetters, deadLettersByReason, enriched, mentions, viewMentions);
    }
  }

  public Snapshot snapshot(ViewClient view) {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      List<TopicPartition> partitions = partitions(consumer);
      return new Snapshot(consumer.endOffsets(partitions), view.stats().path("mentions").asLong(), ingest.duplicatesSuppressed());
    }
  }

  /** Waits until everything sent since {@code before} is through every stage, or the timeout passes. */
  public Outcome awaitThrough(Snapshot before, long sent, ViewClient view, Duration timeout) throws InterruptedException {
    Counter counter = new Counter();
    AtomicReference<Outcome> latest = new AtomicReference<>();
    try (KafkaConsumer<byte[], byte[]> consumer = consumer();
        AvroDeserializer<EnrichedArticle> enrichedReader = new AvroDeserializer<>()) {
      enrichedReader.configure(serdeConfig, false);
      consumer.assign(before.offsets().keySet());
      before.offsets().forEach(consumer::seek);
      Deadline.await(
          timeout,
          Duration.ofMillis(100),
          () -> {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
              counter.count(record, enrichedReader);
            }
            long viewMentions = view.stats().path("mentions").asLong() - before.viewMentions();
            long ingestDead = counter.byStage.getOrDefault("ingest", 0L);
            long enrichDead = counter.byStage.getOrDefault("enrich", 0L);
            long suppressed = ingest.duplicatesSuppressed() - before.duplicatesSuppressed();
            counter.suppressed = suppressed;
            boolean complete =
                counter.articles + suppressed + ingestDead == sent
                    && counter.enriched + enrichDead == counter.articles
                    && viewMentions == counter.mentions;
            latest.set(counter.outcome(sent, viewMentions, complete));
            return complete;
          });
    }
    return latest.get();
  }

  private KafkaConsumer<byte[], byte[]> consumer() {
    Map<String, Object> props = new HashMap<>(clientProperties);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString().toLowerCase(Locale.ROOT));
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer) {
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : List.of(names.articles(), names.deadLetters(), names.enriched())) {
      partitions.addAll(RawClients.partitions(consumer, topic));
    }
    return partitions;
  }

  private final class Counter {
    long articles;
    long suppressed;
    long enriched;
    long mentions;
    final Map<String, Long> byStage = new HashMap<>();
    final Map<String, Long> byReason = new HashMap<>();


    void count(ConsumerRecord<byte[], byte[]> record, AvroDeserializer<EnrichedArticle> reader) {
      if (record.topic().equals(names.articles())) {
        articles++;
      } else if (record.topic().equals(names.deadLetters())) {
        byStage.merge(String.valueOf(DeadLetterHeaders.get(record.headers(), DeadLetterHeaders.STAGE)), 1L, Long::sum);
        byReason.merge(String.valueOf(DeadLetterHeaders.get(record.headers(), DeadLetterHeaders.REASON)), 1L, Long::sum);
      } else if (record.topic().equals(names.enriched())) {
        enriched++;
        EnrichedArticle article = reader.deserialize(record.topic(), record.value());
        if (article.getDuplicateOf() == null) {
          Set<String> distinct = new HashSet<>();
          for (EntityMention mention : article.getEntities()) {
            distinct.add(mention.getEntityId());
          }
          mentions += distinct.size();
        }
      }
    }

    Outcome outcome(long sent, long viewMentions, boolean complete) {
      long dead = byStage.values().stream().mapToLong(Long::longValue).sum();
      return new Outcome(sent, articles, suppressed, dead, Map.copyOf(byStage), Map.copyOf(byReason), enriched, mentions, viewMentions, complete);
    }
  }
}
