package dev.trendmill.aggregate.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the view answers, as plain records (serialized to JSON by the HTTP layer, in snake_case). */
public final class Views {
  private Views() {}

  /** One row of a leaderboard. */
  public record TrendRow(int rank, String id, String name, String type, long count, double baseline, double score) {}

  /** A leaderboard: horizon, type filter (null for all), the moment it describes, its window, its rows. */
  public record TrendBoard(String horizon, String type, Instant asOf, Instant windowStart, Instant windowEnd, List<TrendRow> trends) {}

  /** One entity's standing in one horizon at a moment. */
  public record HorizonStanding(String horizon, Instant windowStart, Instant windowEnd, long count, double baseline, double score) {}

  /** An article that names an entity. */
  public record ArticleView(String id, String title, String url, Instant publishedAt) {}

  /** Everything about one entity: catalog data, counts and scores for every horizon, latest articles. */
  public record EntityView(
      String id,
      String name,
      String type,
      List<String> aliases,
      Map<String, String> attributes,
      long allTimeCount,
      Instant lastSeen,
      Instant asOf,
      List<HorizonStanding> horizons,
      List<ArticleView> latestArticles) {}

  /** One point of a series: the count of the window ending at {@code windowEnd}. */
  public record Point(Instant windowEnd, long count) {}

  /** The windowed counts of one entity over time. */
  public record Series(String id, String horizon, Instant from, Instant to, List<Point> points) {}

  /** A search hit. */
  public record EntityHit(String id, String name, String type, long allTimeCount) {}

  /** Totals over the entities this view holds, and its "now". */
  public record Stats(long entities, long mentions, Instant latestEventTime) {}
}
