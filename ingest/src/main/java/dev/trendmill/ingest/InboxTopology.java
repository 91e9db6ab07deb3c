package dev.trendmill.ingest;

import dev.trendmill.ingest.dedup.ExactDuplicateProcessor;
import dev.trendmill.ingest.dedup.NearDuplicateProcessor;
import dev.trendmill.ingest.normalize.ArticleParser;
import dev.trendmill.schemas.Topics;
import dev.trendmill.schemas.avro.Article;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.Stores;

/**
 * {@code articles.inbox} (JSON bytes, any key) → {@code articles} (Avro {@code Article}, keyed by article id),
 * in two steps:
 *
 * <ol>
 *   <li>parse and normalize; a record the parser rejects throws, and the dead-letter handler configured on the
 *       application writes it, unchanged, to {@code articles.dlq} with the reason (nothing is dropped, the partition
 *       is never blocked);
 *   <li>repartition into one partition, keyed by article id; let each id through once per retention window
 *       ({@link ExactDuplicateProcessor}; later copies are counted and logged, not published), and mark
 *       near-duplicates ({@link NearDuplicateProcessor}).
 * </ol>
 *
 * <p>Why one partition for near-duplicates: a near-duplicate has another id and another URL, so no key brings the
 * two copies together; banding the fingerprint (LSH) into several keys would, but then each article's verdict comes
 * from several tasks that must be joined again and may disagree on which copy came first. One task sees every
 * article in one order, so "the first article of a story" is well defined and the same after a replay. The cost is
 * one thread for this step: an in-memory index lookup per article, microseconds, far below what news arrives at.
 * Exact duplicates are dropped in that same task: an earlier version first repartitioned by id (three partitions)
 * for them, which only added a topic every article body went through, and a commit to wait for, before the one
 * partition all of them reach anyway.
 */
public final class InboxTopology {
  /**
   * Article id → when it was first seen. Named apart from the "seen-ids" store of the three-step topology, whose
   * changelog has three partitions; this one lives in the one-partition task.
   */
  public static final String SEEN_IDS_STORE = "seen-article-ids";
  public static final String FINGERPRINTS_STORE = "story-fingerprints";

  private static final String STORIES_REPARTITION = "stories";

  private InboxTopology() {}

  /** The one-partition topic parsed articles cross to be de-duplicated, as Kafka Streams names it for {@code applicationId}. */
  public static String storiesTopic(String applicationId) {
    return applicationId + "-" + STORIES_REPARTITION + "-repartition";
  }

  public static Topology build(Topics topics, IngestConfig config) {
    ArticleParser parser = new ArticleParser(config.maxBodyBytes());
    Duration retention = config.dedupRetention();
    Serde<Article> articleSerde = topics.articles().valueSerde();
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(
        Stores.windowStoreBuilder(Stores.persistentWindowStore(SEEN_IDS_STORE, retention, retention, false), Serdes.String(), Serdes.Long()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(FINGERPRINTS_STORE), Serdes.String(), Serdes.String()));

    builder.stream(
            topics.inbox().name(),
            Consumed.with(topics.inbox().keySerde(), topics.inbox().valueSerde()).withName("inbox"))
        .map(
            (key, value) -> {
              Article article = parser.parse(value, Instant.now());
              return KeyValue.pair(article.getId(), article);
            },
            Named.as("parse-article"))
        .repartition(Repartitioned.with(Serdes.String(), articleSerde).withName(STORIES_REPARTITION).withNumberOfPartitions(1))
        .process(
            () -> new ExactDuplicateProcessor(SEEN_IDS_STORE, retention, context -> counter(context, IngestMetrics.DUPLICATES_SUPPRESSED, "Exact duplicates (same article id within the retention) not published again")),
            Named.as("drop-exact-duplicates"),
            SEEN_IDS_STORE)
        .process(
            () ->
                new NearDuplicateProcessor(
                    FINGERPRINTS_STORE,
                    retention,
                    config.nearDuplicateMaxDistance(),
                    config.nearDuplicateMinWords(),
                    context -> counter(context, IngestMetrics.NEAR_DUPLICATES, "Articles published as near-duplicates (duplicate_of set)")),
            Named.as("mark-near-duplicates"),
            FINGERPRINTS_STORE)
        .to(
            topics.articles().name(),
            Produced.with(topics.articles().keySerde(), topics.articles().valueSerde()).withName("articles"));
    return builder.build();
  }

  private static Runnable counter(ProcessorContext<String, Article> context, String name, String description) {
    Sensor sensor = IngestMetrics.counter(context.metrics(), name, description);
    return sensor::record;
  }
}
