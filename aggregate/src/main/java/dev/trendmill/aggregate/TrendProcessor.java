package dev.trendmill.aggregate;

import dev.trendmill.aggregate.score.Horizon;
import dev.trendmill.aggregate.score.Leaderboard;
import dev.trendmill.aggregate.score.Standing;
import dev.trendmill.schemas.avro.ArticleRef;
import dev.trendmill.schemas.avro.MentionEvent;
import dev.trendmill.schemas.avro.RecentArticles;
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
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.KeyValue;
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
 * Entity mentions in (keyed by entity id, timestamped with the article's publication time); out, as
 * {@link SpecificRecord}s the topology splits by type: {@code TrendUpdate}s for {@code trends}, and this partition's
 * own leaderboards ({@code TopTrends} keyed {@code <horizon>|<type>#<partition>}) to be merged into {@code trends.top}.
 *
 * <p>Per mention: one all-time update and one bucket update per distinct granularity; rolling counts and baselines
 * are read back as bucket sums. Updates are not sent at once: the latest per key waits in a store and goes out at
 * the emit interval, so a burst of articles about one entity sends one update, not hundreds. When event time passes a
 * window's end plus the grace period, the window's final count goes out flagged {@code is_final}.
 *
 * <p>An article later than the grace period (behind the latest event time seen) counts all-time, is logged and
 * counted in the {@code late-articles} metric, and does not touch the windows.
 */
final class TrendProcessor implements Processor<String, MentionEvent, String, SpecificRecord> {
  static final String ALL_TIME = "all";
  static final String ALL_TYPES = "*";
  private static final Logger LOG = LoggerFactory.getLogger(TrendProcessor.class);
  private static final int RECENT_ARTICLES_KEPT = 10;

  private final List<Horizon> horizons;
  private final int baselineWindows;
  private final long graceMs;
  private final Duration emitInterval;
  private final Duration leaderboardInterval;
  private final int topN;
  private final long minCount;

  private ProcessorContext<String, SpecificRecord> context;
  private KeyValueStore<String, TrendUpdate> allTime;
  private KeyValueStore<String, TrendUpdate> pending;
  private KeyValueStore<String, TrendUpdate> openWindows;
  private KeyValueStore<String, RecentArticles> recentArticles;
  private final Map<String, WindowStore<String, Long>> buckets = new LinkedHashMap<>();
  private StandingsReader reader;
  private Sensor lateArticles;
  /** What this partition last sent per board, so unchanged leaderboards are not sent again. */
  private final Map<String, List<TrendEntry>> lastParts = new HashMap<>();
  /** Leaderboards only change when records arrive (stream time only moves with them). */
  private boolean changedSinceLeaderboards;
  /** Open windows before this key have been closed and sent (in memory: after a restart, one scan from the start). */
  private String closedUpTo = openWindowKey(Long.MIN_VALUE / 4, "", "");

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
    this.openWindows = context.getStateStore(StoreNames.OPEN_WINDOWS);
    this.recentArticles = context.getStateStore(StoreNames.RECENT_ARTICLES);
    for (Horizon horizon : horizons) {
      buckets.computeIfAbsent(StoreNames.buckets(horizon), context::getStateStore);
    }
    this.reader = new StandingsReader(allTime, buckets, baselineWindows);
    this.lateArticles =
        context.metrics().addRateTotalSensor("trendmill", "aggregate", "late-articles", Sensor.RecordingLevel.INFO);
    context.schedule(emitInterval, PunctuationType.WALL_CLOCK_TIME, now -> emitPending());
    context.schedule(leaderboardInterval, PunctuationType.WALL_CLOCK_TIME, now -> emitLeaderboards(now));
    Duration smallestAdvance = horizons.stream().map(Horizon::advance).min(Comparator.naturalOrder()).orElseThrow();
    context.schedule(smallestAdvance, PunctuationType.STREAM_TIME, this::emitFinals);
  }

  @Override
  public void process(Record<String, MentionEvent> record) {
    String entityId = record.key();
    MentionEvent mention = record.value();
    long eventTime = record.timestamp();
    if (mention.getIngestedAt() != null) {
      PipelineMeters.endToEnd(mention.getIngestedAt().toEpochMilli(), System.currentTimeMillis());
    }
    changedSinceLeaderboards = true;

    TrendUpdate previous = allTime.get(entityId);
    long latestSeen = previous == null ? eventTime : Math.max(eventTime, previous.getUpdatedAt().toEpochMilli());
    TrendUpdate total =
        TrendUpdate.newBuilder()
            .setEntityId(entityId)
            .setName(mention.getName())
            .setType(mention.getType())
            .setHorizon(ALL_TIME)
            .setWindowStart(null)
            .setWindowEnd(null)
            .setCount(previous == null ? 1 : previous.getCount() + 1)
            .setBaseline(0)
            .setScore(0)
            .setIsFinal(false)
            .setUpdatedAt(Instant.ofEpochMilli(latestSeen))
            .build();
    allTime.put(entityId, total);
    pending.put(entityId + "|" + ALL_TIME, total);
    remember(entityId, mention);

    long streamTime = context.currentStreamTimeMs();
    if (eventTime < streamTime - graceMs) {
      lateArticles.record();
      LOG.warn(
          "Late article {} naming {}: published {}, more than {} behind the latest event time {}; counted all-time only",
          mention.getArticleId(), entityId, Instant.ofEpochMilli(eventTime), Duration.ofMillis(graceMs), Instant.ofEpochMilli(streamTime));
      return;
    }

    List<String> bumped = new ArrayList<>(2);
    for (Horizon horizon : horizons) {
      String storeName = StoreNames.buckets(horizon);
      if (!bumped.contains(storeName)) {
        WindowStore<String, Long> store = buckets.get(storeName);
        long bucket = horizon.bucketStart(eventTime);
        Long count = store.fetch(entityId, bucket);
        store.put(entityId, count == null ? 1L : count + 1, bucket);
        bumped.add(storeName);
      }
      // Only which window changed is kept here; its count, baseline and score (bucket sums over K + 1 windows) are
      // read once per key when it is sent, not once per mention (the benchmark's largest cost).
      TrendUpdate update = changed(horizon, total, eventTime);
      pending.put(entityId + "|" + horizon.name(), update);
      openWindows.put(openWindowKey(update.getWindowEnd().toEpochMilli(), entityId, horizon.name()), update);
    }
  }

  /** A window of {@code horizon} changed at {@code at}: the update without its standing, completed when sent. */
  private static TrendUpdate changed(Horizon horizon, TrendUpdate total, long at) {
    Horizon.Window window = horizon.windowAt(at);
    return TrendUpdate.newBuilder(total)
        .setHorizon(horizon.name())
        .setWindowStart(Instant.ofEpochMilli(window.start()))
        .setWindowEnd(Instant.ofEpochMilli(window.end()))
        .setUpdatedAt(Instant.ofEpochMilli(at))
        .build();
  }

  private TrendUpdate windowed(Horizon horizon, TrendUpdate total, long at, boolean isFinal) {
    Standing standing = reader.standing(horizon, total, at);
    Horizon.Window window = horizon.windowAt(at);
    return TrendUpdate.newBuilder(total)
        .setHorizon(horizon.name())
        .setWindowStart(Instant.ofEpochMilli(window.start()))
        .setWindowEnd(Instant.ofEpochMilli(window.end()))
        .setCount(standing.count())
        .setBaseline(standing.baseline())
        .setScore(standing.score())
        .setIsFinal(isFinal)
        .setUpdatedAt(Instant.ofEpochMilli(at))
        .build();
  }

  private void remember(String entityId, MentionEvent mention) {
    RecentArticles recent = recentArticles.get(entityId);
    List<ArticleRef> articles = new ArrayList<>(recent == null ? List.of() : recent.getArticles());
    articles.removeIf(article -> article.getArticleId().equals(mention.getArticleId()));
    articles.add(new ArticleRef(mention.getArticleId(), mention.getTitle(), mention.getUrl(), mention.getPublishedAt()));
    articles.sort(Comparator.comparing(ArticleRef::getPublishedAt).reversed().thenComparing(ArticleRef::getArticleId));
    recentArticles.put(entityId, new RecentArticles(new ArrayList<>(articles.subList(0, Math.min(RECENT_ARTICLES_KEPT, articles.size())))));
  }

  /** Sends the latest pending update per key; the store and the sends commit in one transaction. */
  private void emitPending() {
    List<KeyValue<String, TrendUpdate>> due = new ArrayList<>();
    try (KeyValueIterator<String, TrendUpdate> iterator = pending.all()) {
      iterator.forEachRemaining(due::add);
    }
    long now = context.currentSystemTimeMs();
    for (KeyValue<String, TrendUpdate> update : due) {
      TrendUpdate changed = update.value;
      Horizon horizon = horizons.stream().filter(h -> h.name().equals(changed.getHorizon())).findFirst().orElse(null);
      TrendUpdate total = horizon == null ? null : allTime.get(changed.getEntityId());
      TrendUpdate value = total == null ? changed : windowed(horizon, total, changed.getUpdatedAt().toEpochMilli(), false);
      context.forward(new Record<>(update.key, (SpecificRecord) value, now));
      pending.delete(update.key);
    }
  }

  /** Sends the final count of every window whose end plus the grace period event time has passed. */
  private void emitFinals(long streamTime) {
    String upTo = openWindowKey(streamTime - graceMs, "\uffff", "");
    List<KeyValue<String, TrendUpdate>> closed = new ArrayList<>();
    // Everything before the last bound was sent and deleted, and no new key can sort before it (such an article is
    // late), so start there: a scan from the start seeks over all the deletions every time (slow in RocksDB).
    try (KeyValueIterator<String, TrendUpdate> iterator = openWindows.range(closedUpTo, upTo)) {
      iterator.forEachRemaining(closed::add);
    }
    closedUpTo = upTo;
    for (KeyValue<String, TrendUpdate> open : closed) {
      TrendUpdate last = open.value;
      Horizon horizon = horizons.stream().filter(h -> h.name().equals(last.getHorizon())).findFirst().orElse(null);
      TrendUpdate total = allTime.get(last.getEntityId());
      if (horizon != null && total != null) {
        // The window's own last instant, so late arrivals within the grace are included.
        TrendUpdate fin = windowed(horizon, total, last.getWindowEnd().toEpochMilli() - 1, true);
        context.forward(new Record<>(last.getEntityId() + "|" + horizon.name(), (SpecificRecord) fin, streamTime));
      }
      openWindows.delete(open.key);
    }
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
    List<Standing> allTimeStandings = reader.allTimeStandings();
    addBoards(boards, ALL_TIME, allTimeStandings, Leaderboard.BY_COUNT);
    for (Horizon horizon : horizons) {
      addBoards(boards, horizon.name(), reader.standings(horizon, now), Leaderboard.ORDER);
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

  static String openWindowKey(long windowEnd, String entityId, String horizon) {
    // Zero-padded, offset so negative times sort before positive ones: a range scan finds every closed window.
    return String.format("%020d|%s|%s", windowEnd + (Long.MAX_VALUE / 2), entityId, horizon);
  }
}
