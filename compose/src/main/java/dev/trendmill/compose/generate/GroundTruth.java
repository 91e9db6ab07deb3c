package dev.trendmill.compose.generate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.trendmill.aggregate.AggregateConfig;
import dev.trendmill.aggregate.AggregateSettings;
import dev.trendmill.aggregate.score.Horizon;
import dev.trendmill.aggregate.score.Leaderboard;
import dev.trendmill.aggregate.score.Standing;
import dev.trendmill.aggregate.score.TrendScore;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The counts the pipeline must produce for a set of generated articles: per entity, the all-time number of articles
 * naming it and, per horizon, the number per tumbling bucket of the horizon's advance. Windowed counts, baselines,
 * scores and leaderboards are derived from the buckets with the aggregate's own {@link Horizon} and
 * {@link TrendScore}, so the window maths is the aggregate's, not a second copy. Memory grows with entities × buckets,
 * never with the number of articles.
 */
public final class GroundTruth {
  private final AggregateSettings settings;
  private final Map<String, EntityPool.Member> members = new HashMap<>();
  private final Map<String, Long> allTime = new TreeMap<>();
  private final Map<String, Map<String, TreeMap<Long, Long>>> buckets = new HashMap<>();
  private long articles;
  private long mentions;
  private long latest = Long.MIN_VALUE;

  public GroundTruth(AggregateSettings settings, EntityPool pool) {
    this.settings = settings;
    pool.members().forEach(m -> members.put(m.id(), m));
    settings.horizons().forEach(h -> buckets.put(h.name(), new HashMap<>()));
  }

  /** Ground truth under the aggregate's default settings (horizons, baseline windows, minimum count). */
  public static GroundTruth withDefaultSettings(EntityPool pool) {
    return new GroundTruth(new AggregateConfig(Map.of()).settings(), pool);
  }

  public void add(GeneratedArticle article) {
    long time = article.publishedAt().toEpochMilli();
    articles++;
    latest = Math.max(latest, time);
    for (String id : article.entityIds()) {
      mentions++;
      allTime.merge(id, 1L, Long::sum);
      for (Horizon horizon : settings.horizons()) {
        buckets.get(horizon.name()).computeIfAbsent(id, k -> new TreeMap<>()).merge(horizon.bucketStart(time), 1L, Long::sum);
      }
    }
  }

  public long articles() {
    return articles;
  }

  public long mentions() {
    return mentions;
  }

  /** The latest publication time: what the view takes as "now" once everything is counted. */
  public Instant latest() {
    return Instant.ofEpochMilli(latest);
  }

  public Map<String, Long> allTime() {
    return Map.copyOf(allTime);
  }

  public List<Horizon> horizons() {
    return settings.horizons();
  }

  /** Count, baseline and score of {@code id} in the window of {@code horizon} that holds {@code at}. */
  public TrendScore.Measure measure(String id, Horizon horizon, Instant at) {
    TreeMap<Long, Long> entity = buckets.get(horizon.name()).getOrDefault(id, new TreeMap<>());
    return TrendScore.measure(
        horizon, at.toEpochMilli(), settings.baselineWindows(), (from, to) -> entity.subMap(from, true, to, false).values().stream().mapToLong(Long::longValue).sum());
  }

  /** The leaderboard the view must show: "all" by count, a rolling horizon by score among entities with the minimum count. */
  public List<Standing> top(String horizonName, Instant at, int limit) {
    List<Standing> standings = new ArrayList<>();
    if (horizonName.equals("all")) {
      allTime.forEach((id, count) -> standings.add(new Standing(id, members.get(id).name(), members.get(id).type(), count, 0, 0)));
      return Leaderboard.top(standings, null, limit, 1, Leaderboard.BY_COUNT);
    }
    Horizon horizon = settings.horizons().stream().filter(h -> h.name().equals(horizonName)).findFirst().orElseThrow();
    for (String id : allTime.keySet()) {
      TrendScore.Measure m = measure(id, horizon, at);
      if (m.count() > 0) {
        standings.add(new Standing(id, members.get(id).name(), members.get(id).type(), m.count(), m.baseline(), m.score()));
      }
    }
    return Leaderboard.top(standings, null, limit, settings.minCount(), Leaderboard.ORDER);
  }

  /**
   * Writes the ground truth as one JSON object: totals, the pattern of each entity, every non-empty bucket per
   * horizon (epoch millis of the bucket start → count), the windowed counts at the latest publication time, and the
   * top 10 per horizon at that time.
   */
  public void writeJson(OutputStream out, ArticleGenerator.Settings generated) throws IOException {
    try (JsonGenerator json = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter()) {
      json.writeStartObject();
      json.writeNumberField("seed", generated.seed());
      json.writeNumberField("articles", articles);
      json.writeNumberField("mentions", mentions);
      json.writeStringField("start", generated.start().toString());
      json.writeStringField("span", generated.span().toString());
      json.writeStringField("now", latest().toString());
      json.writeObjectFieldStart("entities");
      for (Map.Entry<String, Long> e : allTime.entrySet()) {
        EntityPool.Member member = members.get(e.getKey());
        json.writeObjectFieldStart(e.getKey());
        json.writeStringField("name", member.name());
        json.writeStringField("type", member.type());
        json.writeStringField("pattern", member.popularity().name().toLowerCase(java.util.Locale.ROOT));
        json.writeNumberField("all", e.getValue());
        for (Horizon horizon : settings.horizons()) {
          json.writeNumberField(horizon.name() + "@now", measure(e.getKey(), horizon, latest()).count());
        }
        json.writeEndObject();
      }
      json.writeEndObject();
      json.writeObjectFieldStart("top");
      List<String> horizonNames = new ArrayList<>(List.of("all"));
      settings.horizons().forEach(h -> horizonNames.add(h.name()));
      for (String name : horizonNames) {
        json.writeArrayFieldStart(name);
        for (Standing s : top(name, latest(), 10)) {
          json.writeString(s.id());
        }
        json.writeEndArray();
      }
      json.writeEndObject();
      json.writeObjectFieldStart("buckets");
      for (Horizon horizon : settings.horizons()) {
        json.writeObjectFieldStart(horizon.name() + "/" + horizon.advance().toMinutes() + "m");
        for (Map.Entry<String, TreeMap<Long, Long>> entity : new TreeMap<>(buckets.get(horizon.name())).entrySet()) {
          json.writeObjectFieldStart(entity.getKey());
          for (Map.Entry<Long, Long> bucket : entity.getValue().entrySet()) {
            json.writeNumberField(Long.toString(bucket.getKey()), bucket.getValue());
          }
          json.writeEndObject();
        }
        json.writeEndObject();
      }
      json.writeEndObject();
      json.writeEndObject();
    }
  }
}
