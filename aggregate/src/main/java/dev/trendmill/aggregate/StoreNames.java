package dev.trendmill.aggregate;

import dev.trendmill.aggregate.score.Horizon;

/** Names of the aggregate's state stores; topology and queries use these constants. */
public final class StoreNames {
  /** Entity id → its all-time {@code TrendUpdate} (count of articles ever, name, type, latest event time). */
  public static final String ALL_TIME = "trend-all-time";
  /**
   * Entity id → the event time of its latest counted mention whose updates are not yet published (they go out at the
   * emit interval, all-time and one per horizon); {@link Long#MIN_VALUE} when only the all-time count changed.
   */
  public static final String PENDING = "trend-pending-mentions";
  /** Horizon name → the end of the latest window whose final counts were published. */
  public static final String FINALS_SENT = "trend-finals-sent";
  /**
   * {@code <entity id>|<slot>} → one of the entity's latest articles (slots 0 to 9, in no order): a new article
   * rewrites one slot, the oldest, so each mention writes one small record rather than the whole list.
   */
  public static final String RECENT_ARTICLES = "entity-recent-article-slots";

  /** Slots kept per entity in {@link #RECENT_ARTICLES}. */
  public static final int RECENT_ARTICLE_SLOTS = 10;

  /** The key of one of an entity's recent-article slots. */
  public static String recentArticleKey(String entityId, int slot) {
    return entityId + "|" + slot;
  }
  /** {@code <horizon>|<type>#<partition>} → a partition's own leaderboard, merged into trends.top. */
  public static final String LEADERBOARD_PARTS = "leaderboard-parts";
  /** {@code <horizon>|<type>} → the leaderboard last published on trends.top. */
  public static final String LEADERBOARDS = "leaderboards";
  /** The entity catalog (global): entity id → {@code CatalogEntity}. */
  public static final String CATALOG = "entity-catalog";

  private StoreNames() {}

  /** Entity id → count, in tumbling buckets of one horizon's advance (horizons of equal advance share a store). */
  public static String buckets(Horizon horizon) {
    return "trend-buckets-" + horizon.advance().toMillis() + "ms";
  }
}
