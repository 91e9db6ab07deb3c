package dev.trendmill.aggregate.query;

import dev.trendmill.aggregate.AggregateSettings;
import dev.trendmill.aggregate.StandingsReader;
import dev.trendmill.aggregate.StoreNames;
import dev.trendmill.aggregate.query.Views.ArticleView;
import dev.trendmill.aggregate.query.Views.EntityHit;
import dev.trendmill.aggregate.query.Views.EntityView;
import dev.trendmill.aggregate.query.Views.HorizonStanding;
import dev.trendmill.aggregate.query.Views.Point;
import dev.trendmill.aggregate.query.Views.Series;
import dev.trendmill.aggregate.query.Views.Stats;
import dev.trendmill.aggregate.score.Horizon;
import dev.trendmill.aggregate.score.Leaderboard;
import dev.trendmill.aggregate.score.Standing;
import dev.trendmill.schemas.avro.CatalogEntity;
import dev.trendmill.schemas.avro.ArticleRef;
import dev.trendmill.schemas.avro.TrendUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/** Answers queries from this instance's own state stores (its partitions only); see {@link TrendService}. */
public final class LocalTrendQueries {
  private final KafkaStreams streams;
  private final AggregateSettings settings;
  private final HostInfo self;

  public LocalTrendQueries(KafkaStreams streams, AggregateSettings settings, HostInfo self) {
    this.streams = streams;
    this.settings = settings;
    this.self = self;
  }

  private StandingsReader reader() {
    Map<String, ReadOnlyWindowStore<String, Long>> buckets = new HashMap<>();
    for (Horizon horizon : settings.horizons()) {
      buckets.computeIfAbsent(
          StoreNames.buckets(horizon),
          name -> streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.windowStore())));
    }
    return new StandingsReader(allTime(), buckets, settings.baselineWindows());
  }

  private ReadOnlyKeyValueStore<String, TrendUpdate> allTime() {
    return streams.store(StoreQueryParameters.fromNameAndType(StoreNames.ALL_TIME, QueryableStoreTypes.keyValueStore()));
  }

  private ReadOnlyKeyValueStore<String, CatalogEntity> catalog() {
    return streams.store(StoreQueryParameters.fromNameAndType(StoreNames.CATALOG, QueryableStoreTypes.keyValueStore()));
  }

  public Stats stats() {
    List<TrendUpdate> totals = reader().totals();
    Instant latest = totals.stream().map(TrendUpdate::getUpdatedAt).max(Comparator.naturalOrder()).orElse(null);
    return new Stats(totals.size(), totals.stream().mapToLong(TrendUpdate::getCount).sum(), latest);
  }

  /** This instance's top {@code limit} of a horizon ("all" or a rolling one) at {@code at}. */
  public List<Standing> top(String horizonName, String type, int limit, Instant at) {
    StandingsReader reader = reader();
    if (TrendService.ALL_TIME.equals(horizonName)) {
      return Leaderboard.top(reader.allTimeStandings(), type, limit, 1, Leaderboard.BY_COUNT);
    }
    Horizon horizon = settings.horizons().stream().filter(h -> h.name().equals(horizonName)).findFirst().orElseThrow();
    return Leaderboard.top(reader.standings(horizon, at.toEpochMilli()), type, limit, settings.minCount(), Leaderboard.ORDER);
  }

  public Optional<EntityView> entity(String id, Instant at) {
    StandingsReader reader = reader();
    TrendUpdate total = reader.total(id);
    if (total == null) {
      return Optional.empty();
    }
    List<HorizonStanding> horizons = new ArrayList<>();
    for (Horizon horizon : settings.horizons()) {
      Standing standing = reader.standing(horizon, total, at.toEpochMilli());
      Horizon.Window window = horizon.windowAt(at.toEpochMilli());
      horizons.add(
          new HorizonStanding(
              horizon.name(), Instant.ofEpochMilli(window.start()), Instant.ofEpochMilli(window.end()), standing.count(), standing.baseline(), standing.score()));
    }
    CatalogEntity catalogEntry = catalog().get(id);
    ReadOnlyKeyValueStore<String, ArticleRef> recentStore =
        streams.store(StoreQueryParameters.fromNameAndType(StoreNames.RECENT_ARTICLES, QueryableStoreTypes.keyValueStore()));
    List<ArticleView> articles = new ArrayList<>();
    for (int slot = 0; slot < StoreNames.RECENT_ARTICLE_SLOTS; slot++) {
      ArticleRef a = recentStore.get(StoreNames.recentArticleKey(id, slot));
      if (a != null) {
        articles.add(new ArticleView(a.getArticleId(), a.getTitle(), a.getUrl(), a.getPublishedAt()));
      }
    }
    articles.sort(Comparator.comparing(ArticleView::publishedAt).reversed().thenComparing(ArticleView::id));
    return Optional.of(
        new EntityView(
            id,
            catalogEntry != null ? catalogEntry.getName() : total.getName(),
            catalogEntry != null ? catalogEntry.getType() : total.getType(),
            catalogEntry != null ? List.copyOf(catalogEntry.getAliases()) : List.of(),
            catalogEntry != null ? Map.copyOf(catalogEntry.getAttributes()) : Map.of(),
            total.getCount(),
            total.getUpdatedAt(),
            at,
            horizons,
            articles));
  }

  public Optional<Series> series(String id, String horizonName, Instant from, Instant to) {
    StandingsReader reader = reader();
    if (reader.total(id) == null) {
      return Optional.empty();
    }
    Horizon horizon = settings.horizons().stream().filter(h -> h.name().equals(horizonName)).findFirst().orElseThrow();
    List<Point> points =
        reader.series(horizon, id, from.toEpochMilli(), to.toEpochMilli()).stream()
            .map(p -> new Point(Instant.ofEpochMilli(p[0]), p[1]))
            .toList();
    return Optional.of(new Series(id, horizon.name(), from, to, points));
  }

  /** Entities of this instance whose name, id or catalog alias contains {@code query}, ignoring case. */
  public List<EntityHit> search(String query, int limit) {
    String needle = query.toLowerCase(Locale.ROOT);
    Map<String, EntityHit> hits = new HashMap<>();
    for (TrendUpdate total : reader().totals()) {
      if (total.getName().toLowerCase(Locale.ROOT).contains(needle) || total.getEntityId().toLowerCase(Locale.ROOT).contains(needle)) {
        hits.put(total.getEntityId(), new EntityHit(total.getEntityId(), total.getName(), total.getType(), total.getCount()));
      }
    }
    ReadOnlyKeyValueStore<String, TrendUpdate> totals = allTime();
    try (KeyValueIterator<String, CatalogEntity> iterator = catalog().all()) {
      while (iterator.hasNext()) {
        KeyValue<String, CatalogEntity> next = iterator.next();
        CatalogEntity entity = next.value;
        if (entity == null || hits.containsKey(entity.getId())) {
          continue;
        }
        boolean matches =
            entity.getName().toLowerCase(Locale.ROOT).contains(needle)
                || entity.getAliases().stream().anyMatch(alias -> alias.toLowerCase(Locale.ROOT).contains(needle));
        // Catalog entities are global: only the instance that holds an entity's counts reports it, or none does.
        if (matches && isLocalOrUncounted(totals, entity.getId())) {
          TrendUpdate total = totals.get(entity.getId());
          hits.put(entity.getId(), new EntityHit(entity.getId(), entity.getName(), entity.getType(), total == null ? 0 : total.getCount()));
        }
      }
    }
    return hits.values().stream()
        .sorted(Comparator.comparingLong(EntityHit::allTimeCount).reversed().thenComparing(EntityHit::id))
        .limit(limit)
        .toList();
  }

  private boolean isLocalOrUncounted(ReadOnlyKeyValueStore<String, TrendUpdate> totals, String id) {
    return totals.get(id) != null || isOwner(id);
  }

  private boolean isOwner(String id) {
    KeyQueryMetadata metadata = streams.queryMetadataForKey(StoreNames.ALL_TIME, id, new StringSerializer());
    return metadata == null || metadata.activeHost() == null || metadata.activeHost().equals(self) || metadata.activeHost().port() < 0;
  }
}
