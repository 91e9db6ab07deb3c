package dev.trendmill.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trendmill.aggregate.score.Horizon;
import dev.trendmill.schemas.Topics;
import dev.trendmill.schemas.avro.ArticleMentions;
import dev.trendmill.schemas.avro.ArticleRef;
import dev.trendmill.schemas.avro.EntityMention;
import dev.trendmill.schemas.avro.TrendUpdate;
import dev.trendmill.schemas.registry.InMemorySchemaRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.MockProcessorContext.CapturedPunctuator;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The processor keeps what it reads in memory and rebuilds it from its stores in {@code init}, which Kafka Streams
 * calls again after every restore (a restart, a rebalance, an aborted transaction). Proof: a processor replaced
 * halfway through a stream by a new one on the same stores sends exactly what one processor running throughout sends.
 */
class TrendProcessorRestartTest {
  private static final String SCOPE = "trend-processor-restart-test";
  private static final Instant T0 = Instant.parse("2026-09-10T12:00:00Z");

  private final AggregateConfig config =
      new AggregateConfig(
          Map.of(
              "schema.registry.url", "mock://" + SCOPE,
              AggregateConfig.HORIZONS_CONFIG, "1h/5m,24h/1h",
              AggregateConfig.GRACE_CONFIG, "2h",
              AggregateConfig.BASELINE_WINDOWS_CONFIG, "2",
              AggregateConfig.MIN_COUNT_CONFIG, "1"));
  private final AggregateSettings settings = config.settings();
  private final Topics topics = config.topics();

  @AfterEach
  void dropRegistry() {
    InMemorySchemaRegistry.dropScope(SCOPE);
  }

  @Test
  void aProcessorReplacedMidStreamSendsWhatOneRunningThroughoutSends() {
    List<Record<String, ArticleMentions>> mentions = mentions(600);

    Run throughout = new Run();
    throughout.start();
    throughout.feed(mentions);

    Run replaced = new Run();
    replaced.start();
    replaced.feed(mentions.subList(0, 337)); // not at an emit: pending entities must come back from the store
    replaced.start();
    replaced.feed(mentions.subList(337, mentions.size()));

    assertThat(replaced.sentAfterStart()).isNotEmpty().isEqualTo(throughout.sentSince(replaced.sentBeforeLastStart));
  }

  @Test
  void aLateArticleSentToSeveralPartitionsCountsAsLateOnce() {
    Run run = new Run();
    run.start();
    run.feed(List.of(part("now", T0.toEpochMilli(), true, "project:p1")));
    long late = T0.minus(Duration.ofHours(5)).toEpochMilli();
    run.feed(List.of(part("late", late, true, "project:p1"), part("late", late, false, "project:p2", "project:p3")));

    double lateArticles =
        run.context.metrics().metrics().entrySet().stream()
            .filter(e -> e.getKey().name().equals("late-articles-total"))
            .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
            .sum();
    assertThat(lateArticles).isEqualTo(1.0);
    KeyValueStore<String, TrendUpdate> allTime = run.context.getStateStore(StoreNames.ALL_TIME);
    assertThat(allTime.get("project:p3").getCount()).as("the second part's entities are counted all-time").isEqualTo(1);
  }

  private static Record<String, ArticleMentions> part(String articleId, long published, boolean first, String... entityIds) {
    List<EntityMention> entities = new ArrayList<>();
    for (String entity : entityIds) {
      entities.add(mention(entity));
    }
    ArticleMentions part =
        new ArticleMentions(articleId, "t " + articleId, null, Instant.ofEpochMilli(published), null, first, entities);
    return new Record<>(entityIds[0], part, published);
  }

  private static EntityMention mention(String entityId) {
    return new EntityMention(entityId, entityId.substring(8), "project", 1, 0.5, 1.0);
  }

  private static List<Record<String, ArticleMentions>> mentions(int count) {
    Random random = new Random(3);
    List<Record<String, ArticleMentions>> mentions = new ArrayList<>();
    long time = T0.toEpochMilli();
    for (int i = 0; i < count; i++) {
      time += Duration.ofMinutes(random.nextInt(15)).toMillis();
      // One to three distinct entities, as one partition's share of an article.
      List<EntityMention> entities = new ArrayList<>();
      int first = random.nextInt(12);
      for (int e = 0, n = 1 + random.nextInt(3); e < n; e++) {
        String entity = "project:p" + (first + 5 * e) % 12;
        entities.add(mention(entity));
      }
      // Now and then an article from hours back (within and beyond the 2 h grace).
      long published = random.nextInt(25) == 0 ? time - Duration.ofMinutes(random.nextInt(240)).toMillis() : time;
      ArticleMentions mention =
          ArticleMentions.newBuilder()
              .setArticleId("a" + i).setTitle("t" + i).setUrl(null)
              .setPublishedAt(Instant.ofEpochMilli(published)).setIngestedAt(null)
              .setFirstPart(true).setEntities(entities)
              .build();
      mentions.add(new Record<>(entities.get(0).getEntityId(), mention, published));
    }
    return mentions;
  }

  /** One processor at a time over one set of in-memory stores, punctuated the way Kafka Streams would. */
  private final class Run {
    private final MockProcessorContext<String, SpecificRecord> context = new MockProcessorContext<>(properties());
    private final List<String> sent = new ArrayList<>();
    private TrendProcessor processor;
    private int sentBeforeLastStart;
    private long streamTime = Long.MIN_VALUE;
    private int processed;
    private int firstPunctuator;

    Run() {
      add(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.ALL_TIME), Serdes.String(), topics.<TrendUpdate>avroSerde()));
      add(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.PENDING), Serdes.String(), Serdes.Long()));
      add(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.FINALS_SENT), Serdes.String(), Serdes.Long()));
      add(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.RECENT_ARTICLES), Serdes.String(), topics.<ArticleRef>avroSerde()));
      for (Horizon horizon : settings.horizons()) {
        StoreBuilder<WindowStore<String, Long>> buckets =
            Stores.windowStoreBuilder(
                Stores.inMemoryWindowStore(StoreNames.buckets(horizon), Duration.ofDays(30), horizon.advance(), false), Serdes.String(), Serdes.Long());
        add(buckets);
      }
    }

    private static Properties properties() {
      Properties properties = new Properties();
      properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "restart-test");
      properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
      return properties;
    }

    private <S extends org.apache.kafka.streams.processor.StateStore> void add(StoreBuilder<S> builder) {
      S store = builder.withLoggingDisabled().build();
      store.init(context.getStateStoreContext(), store);
      context.addStateStore(store);
    }

    /** A new processor on the same stores, as after a restore. */
    void start() {
      collect();
      sentBeforeLastStart = sent.size();
      processor = new TrendProcessor(settings);
      firstPunctuator = context.scheduledPunctuators().size(); // the replaced processor's are not called again
      processor.init(context);
    }

    void feed(List<Record<String, ArticleMentions>> mentions) {
      for (Record<String, ArticleMentions> mention : mentions) {
        streamTime = Math.max(streamTime, mention.timestamp());
        context.setCurrentStreamTimeMs(streamTime);
        processor.process(mention);
        punctuate(PunctuationType.STREAM_TIME, streamTime);
        if (++processed % 10 == 0) {
          context.setCurrentSystemTimeMs(processed);
          punctuate(PunctuationType.WALL_CLOCK_TIME, processed);
        }
        collect();
      }
    }

    private void punctuate(PunctuationType type, long time) {
      List<CapturedPunctuator> punctuators = context.scheduledPunctuators();
      for (CapturedPunctuator punctuator : punctuators.subList(firstPunctuator, punctuators.size())) {
        if (punctuator.getType() == type) {
          punctuator.getPunctuator().punctuate(time);
        }
      }
    }

    private void collect() {
      // Trend updates only: leaderboards are sent again after a restart by design (the compacted topic keeps one).
      context.forwarded().stream()
          .filter(forward -> forward.record().value() instanceof TrendUpdate)
          .forEach(forward -> sent.add(forward.record().key() + " = " + forward.record().value()));
      context.resetForwards();
    }

    List<String> sentAfterStart() {
      return sent.subList(sentBeforeLastStart, sent.size());
    }

    List<String> sentSince(int index) {
      return sent.subList(index, sent.size());
    }
  }
}
