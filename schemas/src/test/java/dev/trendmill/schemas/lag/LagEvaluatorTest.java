package dev.trendmill.schemas.lag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LagEvaluatorTest {
  private static final long T0 = 1_800_000_000_000L;

  /** A sample at second {@code s}: committed offset, end offset, timestamp of the oldest unconsumed record. */
  private static LagSample at(int s, long committed, long end, long oldestMs, int members) {
    return new LagSample(T0 + s * 1000L, committed, end, Math.max(0, end - committed), oldestMs, members);
  }

  private static LagStatus status(List<LagSample> window) {
    return LagEvaluator.evaluate(window).status();
  }

  @Test
  void anEmptyWindowIsOk() {
    assertThat(status(List.of())).isEqualTo(LagStatus.OK);
  }

  @Test
  void caughtUpIsOkWhateverCameBefore() {
    List<LagSample> window = new ArrayList<>();
    for (int s = 0; s < 9; s++) {
      window.add(at(s, 10, 50, T0 - 5_000, 1));
    }
    window.add(at(9, 50, 50, -1, 1));
    assertThat(status(window)).isEqualTo(LagStatus.OK);
    assertThat(window.get(9).lagMs()).isZero();
  }

  @Test
  void aBacklogWithNoMemberIsStoppedAtOnce() {
    assertThat(status(List.of(at(0, 10, 20, T0 - 1000, 0)))).isEqualTo(LagStatus.STOPPED);
  }

  @Test
  void noMemberAndNoBacklogIsOk() {
    assertThat(status(List.of(at(0, 20, 20, -1, 0), at(1, 20, 20, -1, 0), at(2, 20, 20, -1, 0)))).isEqualTo(LagStatus.OK);
  }

  @Test
  void tooFewSamplesCannotTellStalledFromBusy() {
    LagEvaluator.Evaluation evaluation = LagEvaluator.evaluate(List.of(at(0, 10, 20, T0 - 1000, 1), at(1, 10, 25, T0 - 1000, 1)));
    assertThat(evaluation.status()).isEqualTo(LagStatus.OK);
    assertThat(evaluation.reason()).contains("too few samples");
  }

  @Test
  void aBacklogAndAnUnmovedCommitOverTheWindowIsStalled() {
    List<LagSample> window = new ArrayList<>();
    for (int s = 0; s < 10; s++) {
      window.add(at(s, 10, 20 + s, T0 - 2000, 1));
    }
    assertThat(status(window)).isEqualTo(LagStatus.STALLED);
  }

  @Test
  void stalledEvenWhenNothingNewArrives() {
    // A fixed backlog and no progress: still stalled (Burrow calls this a stall too).
    List<LagSample> window = List.of(at(0, 10, 20, T0 - 2000, 1), at(1, 10, 20, T0 - 2000, 1), at(2, 10, 20, T0 - 2000, 1));
    assertThat(status(window)).isEqualTo(LagStatus.STALLED);
  }

  @Test
  void aCommitThatDidNotMoveButHadNoBacklogAtFirstIsNotYetStalled() {
    List<LagSample> window = List.of(at(0, 10, 10, -1, 1), at(1, 10, 12, T0, 1), at(2, 10, 14, T0, 1));
    assertThat(status(window)).isEqualTo(LagStatus.OK);
  }

  @Test
  void committingButFallingFurtherBehindIsLagging() {
    // Each second it commits 5 more, 10 more arrive, and the oldest pending record is older each time.
    List<LagSample> window = new ArrayList<>();
    for (int s = 0; s < 10; s++) {
      window.add(at(s, 100 + 5L * s, 110 + 10L * s, T0 - 1000 + 500L * s, 1));
    }
    assertThat(status(window)).isEqualTo(LagStatus.LAGGING);
  }

  @Test
  void committingWithASteadyBacklogIsOk() {
    List<LagSample> window = new ArrayList<>();
    for (int s = 0; s < 10; s++) {
      window.add(at(s, 100 + 10L * s, 110 + 10L * s, T0 + s * 1000L - 1000, 1));
    }
    assertThat(status(window)).isEqualTo(LagStatus.OK);
  }

  @Test
  void catchingUpOnceInTheWindowIsOk() {
    List<LagSample> window = new ArrayList<>();
    for (int s = 0; s < 10; s++) {
      window.add(at(s, 100 + 5L * s, 110 + 10L * s, T0 - 1000 + 500L * s, 1));
    }
    window.set(5, at(5, 125, 160, T0, 1)); // the age went down at second 5
    assertThat(status(window)).isEqualTo(LagStatus.OK);
  }

  @Test
  void withoutKnownTimestampsTheRecordsDecide() {
    List<LagSample> window = new ArrayList<>();
    for (int s = 0; s < 5; s++) {
      window.add(at(s, 100 + s, 110 + 3L * s, -1, 1));
    }
    assertThat(window.get(2).lagMs()).isEqualTo(-1);
    assertThat(status(window)).isEqualTo(LagStatus.LAGGING);
  }

  @Test
  void anOffsetResetStartsTheWindowAgain() {
    List<LagSample> window = new ArrayList<>();
    for (int s = 0; s < 8; s++) {
      window.add(at(s, 500, 600, T0 - 1000, 1));
    }
    window.add(at(8, 100, 600, T0 - 60_000, 1)); // the group was reset to an earlier offset
    window.add(at(9, 100, 600, T0 - 60_000, 1));
    LagEvaluator.Evaluation evaluation = LagEvaluator.evaluate(window);
    assertThat(evaluation.status()).isEqualTo(LagStatus.OK);
    assertThat(evaluation.reason()).contains("too few samples");
  }

  @Test
  void windowsTrackTheLastCommitAcrossSamplesAndSortWorstFirst() {
    LagWindows windows = new LagWindows(3);
    PartitionKey stalled = new PartitionKey("g", "t", 0);
    PartitionKey fine = new PartitionKey("g", "t", 1);
    List<PartitionLag> rows = List.of();
    for (int s = 0; s < 4; s++) {
      rows = windows.add(Map.of(stalled, at(s, 10, 20, T0 - 1000, 1), fine, at(s, 10L * s, 10L * s, -1, 1)));
    }
    assertThat(rows).extracting(PartitionLag::key).containsExactly(stalled, fine);
    PartitionLag worst = rows.get(0);
    assertThat(worst.status()).isEqualTo(LagStatus.STALLED);
    assertThat(worst.samples()).isEqualTo(3);
    assertThat(worst.lastCommitAgeIsLowerBound()).isTrue();
    assertThat(worst.lastCommitAgeMs()).isEqualTo(3000);
    assertThat(worst.lagSeconds()).isEqualTo(4.0);
    PartitionLag ok = rows.get(1);
    assertThat(ok.status()).isEqualTo(LagStatus.OK);
    assertThat(ok.lastCommitAgeIsLowerBound()).isFalse();
    assertThat(ok.lastCommitAgeMs()).isZero();
  }

  @Test
  void aPartitionThatDisappearsIsForgotten() {
    LagWindows windows = new LagWindows(3);
    PartitionKey a = new PartitionKey("g", "t", 0);
    windows.add(Map.of(a, at(0, 10, 20, T0, 1)));
    windows.add(Map.of());
    PartitionLag again = windows.add(Map.of(a, at(2, 10, 20, T0, 1))).get(0);
    assertThat(again.samples()).isEqualTo(1);
  }
}
