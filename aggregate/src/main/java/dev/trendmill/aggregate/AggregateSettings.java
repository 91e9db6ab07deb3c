package dev.trendmill.aggregate;

import dev.trendmill.aggregate.score.Horizon;
import java.time.Duration;
import java.util.List;

/**
 * The aggregate's trend settings, typed and validated (from {@link AggregateConfig}).
 *
 * @param horizons rolling windows
 * @param grace how late an article may be and still count in windows
 * @param baselineWindows K, the previous windows averaged into the score's baseline
 * @param emitInterval how often pending trend updates go out (wall clock)
 * @param leaderboardInterval how often leaderboards are recomputed and, when changed, published (wall clock)
 * @param topN entries per leaderboard
 * @param minCount the least count an entity needs to be ranked
 */
public record AggregateSettings(
    List<Horizon> horizons,
    Duration grace,
    int baselineWindows,
    Duration emitInterval,
    Duration leaderboardInterval,
    int topN,
    long minCount) {

  public AggregateSettings {
    horizons = List.copyOf(horizons);
  }
}
