package dev.trendmill.schemas.lag;

import java.util.List;

/**
 * The status of one partition from a sliding window of its recent samples, with no hand-set threshold (in the spirit
 * of Burrow's evaluation rules). Rules, on the window W of the last N samples (oldest first), first match wins:
 *
 * <ol>
 *   <li>the latest sample has no lag → {@code ok} (caught up);
 *   <li>the latest sample has lag and the group has no member → {@code stopped};
 *   <li>the committed offset went back within W (a reset): only the samples since then count;
 *   <li>fewer than {@link #MIN_SAMPLES} samples → {@code ok} (not enough evidence yet);
 *   <li>every sample has lag and the committed offset is the same in all of them → {@code stalled};
 *   <li>the committed offset moved, yet the lag never went down from one sample to the next and ends above where it
 *       started → {@code lagging}. The lag compared is the age of the oldest unconsumed record when every sample
 *       knows it, else the lag in records;
 *   <li>otherwise → {@code ok} (it moves, and the lag went down at least once: it is catching up).
 * </ol>
 *
 * The window length (N samples at the sampling interval) is the only knob: it says how long a trend must last to
 * count, not how much lag is too much.
 */
public final class LagEvaluator {
  /** The fewest samples from which stalled or lagging can be told. */
  public static final int MIN_SAMPLES = 3;

  private LagEvaluator() {}

  /** The status and its reason, in words. */
  public record Evaluation(LagStatus status, String reason) {}

  public static Evaluation evaluate(List<LagSample> window) {
    if (window.isEmpty()) {
      return new Evaluation(LagStatus.OK, "no sample yet");
    }
    LagSample latest = window.get(window.size() - 1);
    if (latest.lagRecords() == 0) {
      return new Evaluation(LagStatus.OK, "caught up");
    }
    if (latest.members() == 0) {
      return new Evaluation(LagStatus.STOPPED, "a backlog and no member in the group");
    }
    List<LagSample> since = sinceLastReset(window);
    if (since.size() < MIN_SAMPLES) {
      return new Evaluation(LagStatus.OK, "too few samples to judge (" + since.size() + " of at least " + MIN_SAMPLES + ")");
    }
    LagSample first = since.get(0);
    boolean alwaysBehind = since.stream().allMatch(sample -> sample.lagRecords() > 0);
    if (alwaysBehind && first.committedOffset() == latest.committedOffset()) {
      return new Evaluation(LagStatus.STALLED, "no commit over the last " + since.size() + " samples, with a backlog in each");
    }
    boolean byTime = since.stream().allMatch(sample -> sample.lagMs() >= 0);
    boolean neverDown = true;
    for (int i = 1; i < since.size(); i++) {
      if (lag(since.get(i), byTime) < lag(since.get(i - 1), byTime)) {
        neverDown = false;
        break;
      }
    }
    if (alwaysBehind && neverDown && lag(latest, byTime) > lag(first, byTime)) {
      return new Evaluation(
          LagStatus.LAGGING,
          "committing, but the " + (byTime ? "age of the backlog" : "backlog") + " grew at every one of the last " + since.size() + " samples");
    }
    return new Evaluation(LagStatus.OK, "committing and keeping up");
  }

  private static long lag(LagSample sample, boolean byTime) {
    return byTime ? sample.lagMs() : sample.lagRecords();
  }

  private static List<LagSample> sinceLastReset(List<LagSample> window) {
    int start = 0;
    for (int i = 1; i < window.size(); i++) {
      long before = window.get(i - 1).committedOffset();
      long now = window.get(i).committedOffset();
      if (before >= 0 && now >= 0 && now < before) {
        start = i;
      }
    }
    return window.subList(start, window.size());
  }
}
