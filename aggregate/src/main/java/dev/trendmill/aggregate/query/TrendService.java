package dev.trendmill.aggregate.query;

import dev.trendmill.aggregate.AggregateSettings;
import dev.trendmill.aggregate.StoreNames;
import dev.trendmill.aggregate.query.Views.EntityHit;
import dev.trendmill.aggregate.query.Views.EntityView;
import dev.trendmill.aggregate.query.Views.Series;
import dev.trendmill.aggregate.query.Views.Stats;
import dev.trendmill.aggregate.query.Views.TrendBoard;
import dev.trendmill.aggregate.query.Views.TrendRow;
import dev.trendmill.aggregate.score.Horizon;
import dev.trendmill.aggregate.score.Leaderboard;
import dev.trendmill.aggregate.score.Standing;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Answers every view query for the whole application, whichever instance is asked: a key held by another instance
 * is fetched from it (Kafka Streams metadata tells which), and leaderboards, searches and totals are gathered from all
 * instances and merged. "Now" is the latest event time any instance has seen, never later than the wall clock, so a
 * replayed archive still shows a meaningful view; every query also takes an explicit moment.
 */
public final class TrendService {
  public static final String ALL_TIME = "all";

  private final KafkaStreams streams;
  private final AggregateSettings settings;
  private final HostInfo self;
  private final LocalTrendQueries local;
  private final RemoteView remote;
  private final Clock clock;

  public TrendService(KafkaStreams streams, AggregateSettings settings, HostInfo self, RemoteView remote, Clock clock) {
    this.streams = streams;
    this.settings = settings;
    this.self = self;
    this.local = new LocalTrendQueries(streams, settings, self);
    this.remote = remote;
    this.clock = clock;
  }

  public LocalTrendQueries local() {
    return local;
  }

  public List<String> horizonNames() {
    List<String> names = new ArrayList<>();
    names.add(ALL_TIME);
    settings.horizons().forEach(horizon -> names.add(horizon.name()));
    return names;
  }

  public Optional<Horizon> horizon(String name) {
    return settings.horizons().stream().filter(h -> h.name().equals(name)).findFirst();
  }

  /** The other instances that hold part of the stores. */
  private List<HostInfo> others() {
    List<HostInfo> hosts = new ArrayList<>();
    for (StreamsMetadata metadata : streams.metadataForAllStreamsClients()) {
      HostInfo host = metadata.hostInfo();
      if (!host.equals(self) && host.port() > 0 && metadata.stateStoreNames().contains(StoreNames.ALL_TIME)) {
        hosts.add(host);
      }
    }
    return hosts;
  }

  public Stats stats() {
    List<Stats> all = new ArrayList<>();
    all.add(local.stats());
    for (HostInfo host : others()) {
      remote.get(host, "/api/stats?local=true", Stats.class).ifPresent(all::add);
    }
    Instant latest = all.stream().map(Stats::latestEventTime).filter(t -> t != null).max(Comparator.naturalOrder()).orElse(null);
    return new Stats(all.stream().mapToLong(Stats::entities).sum(), all.stream().mapToLong(Stats::mentions).sum(), latest);
  }

  /** The latest event time seen by any instance, bounded by the wall clock. */
  public Instant now() {
    Instant wall = clock.instant();
    Instant latest = stats().latestEventTime();
    return latest == null || latest.isAfter(wall) ? wall : latest;
  }

  public TrendBoard top(String horizonName, String type, int limit, Instant at) {
    Instant moment = at != null ? at : now();
    List<List<Standing>> parts = new ArrayList<>();
    parts.add(local.top(horizonName, type, limit, moment));
    for (HostInfo host : others()) {
      remote.get(host, "/api/trends?local=true&horizon=" + enc(horizonName) + "&limit=" + limit + "&at=" + moment.toEpochMilli()
              + (type == null ? "" : "&type=" + enc(type)), TrendBoard.class)
          .ifPresent(board -> parts.add(board.trends().stream().map(TrendService::standing).toList()));
    }
    return board(horizonName, type, limit, moment, parts);
  }

  /** Ranks and wraps standings into a leaderboard (one instance's or merged). */
  public TrendBoard board(String horizonName, String type, int limit, Instant moment, List<List<Standing>> parts) {
    boolean allTime = ALL_TIME.equals(horizonName);
    List<Standing> merged = Leaderboard.merge(parts, limit, allTime ? Leaderboard.BY_COUNT : Leaderboard.ORDER);
    List<TrendRow> rows = new ArrayList<>();
    for (Standing s : merged) {
      rows.add(new TrendRow(rows.size() + 1, s.id(), s.name(), s.type(), s.count(), s.baseline(), s.score()));
    }
    if (allTime) {
      return new TrendBoard(horizonName, type, moment, null, null, rows);
    }
    Horizon.Window window = horizon(horizonName).orElseThrow().windowAt(moment.toEpochMilli());
    return new TrendBoard(horizonName, type, moment, Instant.ofEpochMilli(window.start()), Instant.ofEpochMilli(window.end()), rows);
  }

  public Optional<EntityView> entity(String id, Instant at) {
    Instant moment = at != null ? at : now();
    HostInfo owner = owner(id);
    if (owner == null) {
      return local.entity(id, moment);
    }
    return remote.get(owner, "/api/entities/" + enc(id) + "?local=true&at=" + moment.toEpochMilli(), EntityView.class);
  }

  public Optional<Series> series(String id, String horizonName, Instant from, Instant to) {
    HostInfo owner = owner(id);
    if (owner == null) {
      return local.series(id, horizonName, from, to);
    }
    return remote.get(
        owner,
        "/api/entities/" + enc(id) + "/series?local=true&horizon=" + enc(horizonName) + "&from=" + from.toEpochMilli() + "&to=" + to.toEpochMilli(),
        Series.class);
  }

  public List<EntityHit> search(String query, int limit) {
    Map<String, EntityHit> hits = new HashMap<>();
    local.search(query, limit).forEach(hit -> hits.put(hit.id(), hit));
    for (HostInfo host : others()) {
      remote.get(host, "/api/entities?local=true&limit=" + limit + "&q=" + enc(query), EntityHit[].class)
          .ifPresent(found -> List.of(found).forEach(hit -> hits.merge(hit.id(), hit, (a, b) -> a.allTimeCount() >= b.allTimeCount() ? a : b)));
    }
    return hits.values().stream()
        .sorted(Comparator.comparingLong(EntityHit::allTimeCount).reversed().thenComparing(EntityHit::id))
        .limit(limit)
        .toList();
  }

  /** The instance holding {@code id}'s counts, or null when it is this one (or no one yet). */
  private HostInfo owner(String id) {
    KeyQueryMetadata metadata = streams.queryMetadataForKey(StoreNames.ALL_TIME, id, new StringSerializer());
    if (metadata == null || metadata.activeHost() == null || metadata.activeHost().port() < 0 || metadata.activeHost().equals(self)) {
      return null;
    }
    return metadata.activeHost();
  }

  private static Standing standing(TrendRow row) {
    return new Standing(row.id(), row.name(), row.type(), row.count(), row.baseline(), row.score());
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
