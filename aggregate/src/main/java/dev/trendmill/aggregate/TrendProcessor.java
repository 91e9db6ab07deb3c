package dev.trendmill.aggregate;

import dev.trendmill.aggregate.score.BucketIndex;
import dev.trendmill.aggregate.score.Horizon;
import dev.trendmill.aggregate.score.Leaderboard;
import dev.trendmill.aggregate.score.Standing;
import dev.trendmill.aggregate.score.TrendScore;
import dev.trendmill.schemas.avro.ArticleMentions;
import dev.trendmill.schemas.avro.ArticleRef;
import dev.trendmill.schemas.avro.EntityMention;
import dev.trendmill.schemas.avro.TopTrends;
import dev.trendmill.schemas.avro.TrendEntry;
import dev.trendmill.schemas.avro.TrendUpdate;
import dev.trendmill.schemas.ops.PipelineMeters;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Articles' entities in, grouped by partition ({@link MentionPartitions}; timestamped with the article's publication
 * time); out, as {@link SpecificRecord}s the topology splits by type: {@code TrendUpdate}s for {@code trends}, and this
 * partition's own leaderboards ({@code TopTrends} keyed {@code <horizon>|<type>#<partition>}) to be merged into
 * {@code trends.top}.
 *
 * <p>Per mention: one all-time update, one bucket update per distinct granularity, the entity marked pending and its
 * recent articles. Rolling counts and baselines are bucket sums. Updates are not sent at once: the entity waits in the
 * pending store and its updates (all-time and one per horizon) go out at the emit interval, so a burst of articles
 * about one entity sends one update per key, not hundreds. When event time passes a window's end plus the grace
 * period, the final count of every entity in that window goes out flagged {@code is_final}.
 *
 * <p>The stores are the durable state (changelogged, exactly-once) and what queries read. The processor also keeps
 * what it reads in memory (totals, bucket counts, pending entities), written through to the stores and rebuilt from
 * them in {@link #init}, which Kafka Streams calls again after any restore, including after an aborted transaction,
 * so memory never holds uncommitted state the stores lost. This makes the processor's reads map lookups instead of
 * deserializing store reads and range scans (about 40% of its stream thread in a profile before). The counting stores
 * hold their writes until the task commits ({@code CommitBufferedStores}), so an entity named a hundred times between
 * two commits is written to RocksDB and its changelog once.
 *
 * <p>An article later than the grace period (behind the latest event time seen) counts all-time, is logged and
 * counted in the {@code late-articles} metric, and does not touch the windows.
 */
final class TrendProcessor implements Processor<String, ArticleMentions, String, SpecificRecord> {
  static final String ALL_TIME = "all";
  static final String ALL_TYPES = "*";
  private static final Logger LOG = LoggerFactory.getLogger(TrendProcessor.class);
  /** Entities whose recent-article slots are kept decoded in memory (least recently used dropped first). */
  private static final int RECENT_ARTICLES_CACHED = 20_000;
  private static final long ALL_TIME_ONLY = Long.MIN_VALUE;

  private final List<Horizon> horizons;
  private final int baselineWindows;
  private final long graceMs;
  private final Duration emitInterval;
  private final Duration leaderboardInterval;
  private final int topN;
  private final long minCount;

  private ProcessorContext<String, SpecificRecord> context;
  private KeyValueStore<String, TrendUpdate> allTime;
  private KeyValueStore<String, Long> pending;
  private KeyValueStore<String, Long> finalsSent;
  private KeyValueStore<String, ArticleRef> recentArticles;
  private final Map<String, WindowStore<String, Long>> buckets = new LinkedHashMap<>();
  private Sensor lateArticles;

  // In memory, rebuilt from the stores in init().
  private final Map<String, TrendUpdate> totals = new HashMap<>();
  private final Map<String, BucketIndex> indexes = new LinkedHashMap<>();
  /** Sorted like the store, so the sending order does not depend on whether it was just reloaded. */
  private final Map<String, Long> pendingAt = new TreeMap<>();
  private final Map<String, Long> lastFinalEnd = new HashMap<>();
  private final Map<String, ArticleRef[]> recentCache =
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ArticleRef[]> eldest) {
          return size() > RECENT_ARTICLES_CACHED;
        }
      };
  /** What this partition last sent per board, so unchanged leaderboards are not sent again. */
  private final Map<String, List<TrendEntry>> lastParts = new HashMap<>();
  /** Leaderboards only change when records arrive (stream time only moves with them). */
  private boolean changedSinceLeaderboards;

  TrendProcessor(AggregateSettings settings) {
    this.horizons = settings.horizons();
    this.baselineWindows = settings.baselineWindows();
    this.graceMs = settings.grace().toMillis();
    this.emitInterval = settings.emitInterval();
    this.leaderboardInterval = settings.leaderboardInterval();
    this.topN = settings.topN();
    this.minCount = settings.minCount();
  }

  @Override
  public void init(ProcessorContext<String, SpecificRecord> context) {
    this.context = context;
    this.allTime = context.getStateStore(StoreNames.ALL_TIME);
    this.pending = context.getStateStore(StoreNames.PENDING);
    this.finalsSent = context.getStateStore(StoreNames.FINALS_SENT);
    this.recentArticles = context.getStateStore(StoreNames.RECENT_ARTICLES);
    buckets.clear();
    for (Horizon horizon : horizons) {
      buckets.computeIfAbsent(StoreNames.buckets(horizon), context::getStateStore);
    }
    loadFromStores();
    this.lateArticles =
        context.metrics().addRateTotalSensor("trendmill", "aggregate", "late-articles", Sensor.RecordingLevel.INFO);
    context.schedule(emitInterval, PunctuationType.WALL_CLOCK_TIME, now -> emitPending());
    context.schedule(leaderboardInterval, PunctuationType.WALL_CLOCK_TIME, now -> emitLeaderboards(now));
    Duration smallestAdvance = horizons.stream().map(Horizon::advance).min(Comparator.naturalOrder()).orElseThrow();
    context.schedule(smallestAdvance, PunctuationType.STREAM_TIME, this::emitFinals);
  }

  /** Forgets everything in memory and reads it again from the (restored, committed) stores. */
  private void loadFromStores() {
    totals.clear();
    try (KeyValueIterator<String, TrendUpdate> iterator = allTime.all()) {
      iterator.forEachRemaining(kv -> totals.put(kv.key, kv.value));
    }
    indexes.clear();
    buckets.forEach(
        (name, store) -> {
          BucketIndex index = new BucketIndex(granularityOf(name));
          try (KeyValueIterator<Windowed<String>, Long> iterator = store.all()) {
            iterator.forEachRemaining(kv -> index.add(kv.key.key(), kv.key.window().start(), kv.value));
          }
          indexes.put(name, index);
        });
    pendingAt.clear();
    try (KeyValueIterator<String, Long> iterator = pending.all()) {
      iterator.forEachRemaining(kv -> pendingAt.put(kv.key, kv.value));
    }
    lastFinalEnd.clear();
    try (KeyValueIterator<String, Long> iterator = finalsSent.all()) {
      iterator.forEachRemaining(kv -> lastFinalEnd.put(kv.key, kv.value));
    }
    recentCache.clear();
    lastParts.clear();
    changedSinceLeaderboards = !totals.isEmpty();
  }

  private long granularityOf(String storeName) {
    return horizons.stream().filter(h -> StoreNames.buckets(h).equals(storeName)).findFirst().orElseThrow().advance().toMillis();
  }

  private BucketIndex index(Horizon horizon) {
    return indexes.get(StoreNames.buckets(horizon));
  }

  @Override
  public void process(Record<String, ArticleMentions> record) {
    ArticleMentions article = record.value();
    long eventTime = record.timestamp();
    if (article.getIngestedAt() != null) {
      PipelineMeters.endToEnd(article.getIngestedAt().toEpochMilli(), System.currentTimeMillis());
    }
    changedSinceLeaderboards = true;
    ArticleRef ref = new ArticleRef(article.getArticleId(), article.getTitle(), article.getUrl(), article.getPublishedAt());
    long streamTime = context.currentStreamTimeMs();
    boolean late = eventTime < streamTime - graceMs;
    if (late && article.getFirstPart()) {
      lateArticles.record();
      LOG.warn(
          "Late article {}: published {}, more than {} behind the latest event time {} of partition {}; counted all-time only",
          article.getArticleId(), Instant.ofEpochMilli(eventTime), Duration.ofMillis(graceMs), Instant.ofEpochMilli(streamTime), context.taskId().partition());
    }
    for (EntityMention mention : article.getEntities()) {
      count(mention, ref, eventTime, late);
    }
  }

  private void count(EntityMention mention, ArticleRef ref, long eventTime, boolean late) {
    String entityId = mention.getEntityId();
    TrendUpdate previous = totals.get(entityId);
    long latestSeen = previous == null ? eventTime : Math.max(eventTime, previous.getUpdatedAt().toEpochMilli());
    TrendUpdate total =
        new TrendUpdate(
            entityId, mention.getName(), mention.getType(), ALL_TIME, null, null,
            previous == null ? 1L : previous.getCount() + 1, 0.0, 0.0, false, Instant.ofEpochMilli(latestSeen));
    allTime.put(entityId, total);
    totals.put(entityId, total);
    remember(entityId, ref);

    if (late) {
      markPending(entityId, pendingAt.getOrDefault(entityId, ALL_TIME_ONLY));
      return;
    }
    for (Map.Entry<String, BucketIndex> entry : indexes.entrySet()) {
      BucketIndex index = entry.getValue();
      long bucket = index.bucketStart(eventTime);
      buckets.get(entry.getKey()).put(entityId, index.add(entityId, bucket, 1), bucket);
    }
    // Only which moment changed is kept; count, baseline and score (bucket sums over K + 1 windows) are computed once
    // per key when sent, not once per mention.
    markPending(entityId, eventTime);
  }

  private void markPending(String entityId, long at) {
    pendingAt.put(entityId, at);
    pending.put(entityId, at);
  }

  private TrendUpdate windowed(Horizon horizon, TrendUpdate total, long at, boolean isFinal) {
    String entityId = total.getEntityId();
    BucketIndex index = index(horizon);
    TrendScore.Measure measure = TrendScore.measure(horizon, at, baselineWindows, (from, to) -> index.sum(entityId, from, to));
    return new TrendUpdate(
        entityId, total.getName(), total.getType(), horizon.name(),
        Instant.ofEpochMilli(measure.window().start()), Instant.ofEpochMilli(measure.window().end()),
        measure.count(), measure.baseline(), measure.score(), isFinal, Instant.ofEpochMilli(at));
  }

  /** Puts the article in one of the entity's recent-article slots ({@link RecentArticleSlots}). */
  private void remember(String entityId, ArticleRef ref) {
    ArticleRef[] slots = recentCache.get(entityId);
    if (slots == null) {
      slots = new ArticleRef[StoreNames.RECENT_ARTICLE_SLOTS];
      for (int slot = 0; slot < slots.length; slot++) {
        slots[slot] = recentArticles.get(StoreNames.recentArticleKey(entityId, slot));
      }
      recentCache.put(entityId, slots);
    }
    int target = RecentArticleSlots.slotFor(slots, ref);
    if (target < 0) {
      return; // older than every article kept: nothing changes
    }
    slots[target] = ref;
    recentArticles.put(StoreNames.recentArticleKey(entityId, target), ref);
  }

  /** Sends the updates of every pending entity; the store deletes and the sends commit in one transaction. */
  private void emitPending() {
    if (pendingAt.isEmpty()) {
      return;
    }
    long now = context.currentSystemTimeMs();
    for (Map.Entry<String, Long> entry : pendingAt.entrySet()) {
      String entityId = entry.getKey();
      TrendUpdate total = totals.get(entityId);
      if (total != null) {
        context.forward(new Record<>(entityId + "|" + ALL_TIME, (SpecificRecord) total, now));
        long at = entry.getValue();
        if (at != ALL_TIME_ONLY) {
          for (Horizon horizon : horizons) {
            context.forward(new Record<>(entityId + "|" + horizon.name(), (SpecificRecord) windowed(horizon, total, at, false), now));
          }
        }
      }
      pending.put(entityId, null); // a deletion that, unlike delete(), does not read the old value back
    }
    pendingAt.clear();
  }

  /**
   * Sends the final count of every entity in every window whose end plus the grace period event time has passed,
   * window by window in order, and remembers (in a store, so a restart neither repeats nor skips one) the last closed.
   */
  private void emitFinals(long streamTime) {
    long watermark = streamTime - graceMs;
    for (Horizon horizon : horizons) {
      BucketIndex index = index(horizon);
      long advance = horizon.advance().toMillis();
      long length = horizon.length().toMillis();
      Long last = lastFinalEnd.get(horizon.name());
      long end = last == null ? firstEndHolding(index, Long.MIN_VALUE, horizon, watermark) : last + advance;
      end = Math.max(end, firstEndHolding(index, end - length, horizon, watermark));
      while (end <= watermark) {
        for (String entityId : index.entitiesIn(end - length, end)) {
          TrendUpdate total = totals.get(entityId);
          if (total != null) {
            // The window's own last instant, so late arrivals within the grace are included.
            context.forward(new Record<>(entityId + "|" + horizon.name(), (SpecificRecord) windowed(horizon, total, end - 1, true), streamTime));
          }
        }
        // The next window holding anything (event time can jump by days, and most windows then hold nothing).
        end = Math.max(end + advance, firstEndHolding(index, end + advance - length, horizon, watermark));
      }
      // Every window ending by the watermark is closed now: an article for one of them would be late.
      long closedUpTo = horizon.bucketStart(watermark);
      if (last == null || closedUpTo > last) {
        lastFinalEnd.put(horizon.name(), closedUpTo);
        finalsSent.put(horizon.name(), closedUpTo);
      }
    }
    indexes.forEach((name, index) -> index.evictBefore(watermark - longestSpan(name)));
  }

  /**
   * The end of the first window of {@code horizon} holding a bucket that starts at or after {@code from}; past
   * {@code watermark} (so the caller stops) when there is none.
   */
  private static long firstEndHolding(BucketIndex index, long from, Horizon horizon, long watermark) {
    Long bucket = index.firstBucketFrom(from);
    return bucket == null ? horizon.bucketStart(watermark) + horizon.advance().toMillis() : bucket + horizon.advance().toMillis();
  }

  /** How far behind the closing point buckets of one store are still read: the longest baseline span, plus a bucket. */
  private long longestSpan(String storeName) {
    return horizons.stream()
        .filter(h -> StoreNames.buckets(h).equals(storeName))
        .mapToLong(h -> h.length().toMillis() * (baselineWindows + 1L) + h.advance().toMillis())
        .max()
        .orElse(0);
  }

  /** Computes this partition's leaderboards and sends those that changed. */
  private void emitLeaderboards(long wallClock) {
    long now = Math.min(context.currentStreamTimeMs(), wallClock);
    if (now < 0 || !changedSinceLeaderboards) {
      return;
    }
    changedSinceLeaderboards = false;
    int partition = context.taskId().partition();
    Map<String, List<Standing>> boards = new LinkedHashMap<>();
    List<Standing> allTimeStandings = new ArrayList<>(totals.size());
    totals.values().forEach(t -> allTimeStandings.add(new Standing(t.getEntityId(), t.getName(), t.getType(), t.getCount(), 0, 0)));
    addBoards(boards, ALL_TIME, allTimeStandings, Leaderboard.BY_COUNT);
    for (Horizon horizon : horizons) {
      addBoards(boards, horizon.name(), standings(horizon, now), Leaderboard.ORDER);
    }
    boards.forEach(
        (board, standings) -> {
          List<TrendEntry> entries = entries(standings);
          if (!entries.equals(lastParts.get(board))) {
            lastParts.put(board, entries);
            String[] parts = board.split("\\|", 2);
            TopTrends part =
                new TopTrends(parts[0], parts[1].equals(ALL_TYPES) ? null : parts[1], Instant.ofEpochMilli(now), entries);
            context.forward(new Record<>(board + "#" + partition, (SpecificRecord) part, wallClock));
          }
        });
  }

  /** Standings of every entity with a count in {@code horizon}'s window at {@code at}. */
  private List<Standing> standings(Horizon horizon, long at) {
    Horizon.Window window = horizon.windowAt(at);
    List<Standing> standings = new ArrayList<>();
    for (String entityId : index(horizon).entitiesIn(window.start(), window.end())) {
      TrendUpdate total = totals.get(entityId);
      if (total != null) {
        TrendUpdate measured = windowed(horizon, total, at, false);
        standings.add(new Standing(entityId, total.getName(), total.getType(), measured.getCount(), measured.getBaseline(), measured.getScore()));
      }
    }
    return standings;
  }

  private void addBoards(Map<String, List<Standing>> boards, String horizon, List<Standing> standings, Comparator<Standing> order) {
    boards.put(horizon + "|" + ALL_TYPES, Leaderboard.top(standings, null, topN, minCount, order));
    standings.stream()
        .map(Standing::type)
        .distinct()
        .sorted()
        .forEach(type -> boards.put(horizon + "|" + type, Leaderboard.top(standings, type, topN, minCount, order)));
    // A type whose entities all dropped out still gets an (empty) board, so the published one empties too.
    lastParts.keySet().stream()
        .filter(board -> board.startsWith(horizon + "|") && !boards.containsKey(board))
        .toList()
        .forEach(board -> boards.put(board, List.of()));
  }

  static List<TrendEntry> entries(List<Standing> standings) {
    List<TrendEntry> entries = new ArrayList<>(standings.size());
    for (Standing standing : standings) {
      entries.add(new TrendEntry(entries.size() + 1, standing.id(), standing.name(), standing.type(), standing.count(), standing.score()));
    }
    return entries;
  }
}
