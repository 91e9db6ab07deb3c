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
  void theTailIsAlsoGivenPerSliceOfSendingTimeWarmUpIncluded() {
    Freshness freshness = new Freshness();
    long second = 1_000_000_000L;
    freshness.measureFrom(10 * second);
    freshness.sent("a", 0); // warm-up slice 0-10 s
    freshness.sent("b", 3 * second);
    freshness.sent("c", 12 * second); // measured, slice 10-20 s
    freshness.sent("d", 31 * second); // slice 30-40 s; nothing sent in 20-30 s
    freshness.observed("a", 1, 2 * second);
    freshness.observed("b", 1, 3 * second + 500_000_000);
    freshness.observed("c", 1, 12 * second + 40_000_000);
    freshness.observed("d", 1, 31 * second + 70_000_000);
    assertThat(freshness.bySendingTime(java.time.Duration.ofSeconds(10)))
        .isEqualTo("0-10 s (warm-up): 500 / 2000 / 2000 ms; 10-20 s: 40 / 40 / 40 ms; 30-40 s: 70 / 70 / 70 ms");
  }

  @Test
  void recordsOfArticlesLeftOutNoLongerDelayTheLaterRecordsOfTheirKey() {
    Freshness freshness = new Freshness();
    long ms = 1_000_000L;
    freshness.sent("x", 0, 1);
    freshness.sent("x", 10 * ms, 2); // an article the pipeline does not count (a near-duplicate)
    freshness.sent("x", 20 * ms, 3);
    freshness.observed("x", 1, 5 * ms);
    freshness.observed("x", 2, 30 * ms); // article 3 counted
    assertThat(freshness.unseen()).as("article 3 waits for a count of 3 that never comes").isEqualTo(1);
    assertThat(freshness.percentileMillis(100)).as("article 2 timed at article 3's count").isEqualTo(20.0);
    freshness.exclude(java.util.Set.of(2));
    assertThat(freshness.unseen()).isZero();
    assertThat(freshness.excluded()).isEqualTo(1);
    assertThat(freshness.measured()).isEqualTo(2);
    assertThat(freshness.percentileMillis(100)).isEqualTo(10.0);
  }

  @Test
  void noMeasurementsGiveNaN() {
    assertThat(new Freshness().percentileMillis(99)).isNaN();
  }
}
