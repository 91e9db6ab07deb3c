package dev.trendmill.compose.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FreshnessTest {
  @Test
  void aCountCoversEveryRecordUpToItAndNoMore() {
    Freshness freshness = new Freshness();
    freshness.baseline("k", 10);
    freshness.sent("k", 1_000_000); // count 11
    freshness.sent("k", 2_000_000); // count 12
    freshness.sent("other", 2_000_000); // count 1
    freshness.observed("k", 10, 3_000_000);
    assertThat(freshness.measured()).isZero();
    freshness.observed("k", 11, 5_000_000);
    assertThat(freshness.measured()).isEqualTo(1);
    freshness.observed("k", 12, 9_000_000);
    assertThat(freshness.measured()).isEqualTo(2);
    assertThat(freshness.unseen()).isEqualTo(1);
    assertThat(freshness.percentileMillis(50)).isEqualTo(4.0);
    assertThat(freshness.percentileMillis(100)).isEqualTo(7.0);
  }

  @Test
  void recordsSentBeforeTheWarmUpEndsAreSeenButNotMeasured() {
    Freshness freshness = new Freshness();
    freshness.measureFrom(2_000_000);
    freshness.sent("k", 1_000_000); // warm-up, count 1
    freshness.sent("k", 2_000_000); // measured, count 2
    freshness.observed("k", 2, 10_000_000);
    assertThat(freshness.unseen()).isZero();
    assertThat(freshness.measured()).isEqualTo(1);
    assertThat(freshness.percentileMillis(100)).isEqualTo(8.0);
    assertThat(freshness.summary()).contains("warm-up before them: 1 mentions, max 9 ms");
  }

  @Test
  void noMeasurementsGiveNaN() {
    assertThat(new Freshness().percentileMillis(99)).isNaN();
  }
}
