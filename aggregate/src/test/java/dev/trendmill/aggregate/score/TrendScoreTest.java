package dev.trendmill.aggregate.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TrendScoreTest {
  @Test
  void scoreIsTheExcessOverTheBaselineScaledByItsSpread() {
    assertThat(TrendScore.score(10, 3.0)).isCloseTo(7 / 2.0, within(1e-9));
    assertThat(TrendScore.score(0, 0.0)).isZero();
    assertThat(TrendScore.score(1, 0.0)).isEqualTo(1.0);
    assertThat(TrendScore.score(2, 8.0)).isNegative();
  }

  @Test
  void measureSumsBucketsOfTheWindowAndOfTheKWindowsBefore() {
    Horizon horizon = Horizon.parseList("2h/1h").get(0);
    long hour = 3_600_000L;
    TreeMap<Long, Long> buckets = new TreeMap<>();
    // Windows of 2 h: current [10h,12h) has 5+1; the two before: [8h,10h) has 2, [6h,8h) has 2.
    buckets.put(11 * hour, 5L);
    buckets.put(10 * hour, 1L);
    buckets.put(9 * hour, 2L);
    buckets.put(6 * hour, 2L);
    buckets.put(3 * hour, 100L); // outside the baseline
    TrendScore.Measure measure =
        TrendScore.measure(horizon, 11 * hour + 1, 2, (from, to) -> buckets.subMap(from, to).values().stream().mapToLong(Long::longValue).sum());
    assertThat(measure.count()).isEqualTo(6);
    assertThat(measure.baseline()).isEqualTo(2.0);
    assertThat(measure.score()).isCloseTo((6 - 2.0) / Math.sqrt(3.0), within(1e-9));
    assertThat(measure.window().start()).isEqualTo(10 * hour);
    assertThat(measure.window().end()).isEqualTo(12 * hour);
  }
}
