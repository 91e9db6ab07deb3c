package dev.trendmill.schemas.lag;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sliding windows of every partition seen: each new sample goes into its partition's window (the last N kept),
 * the window is judged by {@link LagEvaluator}, and the moment the committed offset last changed is remembered across
 * windows (Kafka does not tell when a group committed, so it is observed). Partitions absent from a round are
 * forgotten. Not thread-safe: one sampler feeds it.
 */
public final class LagWindows {
  private final int size;
  private final Map<PartitionKey, Track> tracks = new HashMap<>();

  private static final class Track {
    final Deque<LagSample> window = new ArrayDeque<>();
    long firstSeenMs;
    long committedChangedAtMs = -1;
  }

  /** @param size N, the samples per window; at least {@link LagEvaluator#MIN_SAMPLES} */
  public LagWindows(int size) {
    if (size < LagEvaluator.MIN_SAMPLES) {
      throw new IllegalArgumentException("A lag window needs at least " + LagEvaluator.MIN_SAMPLES + " samples, got " + size);
    }
    this.size = size;
  }

  public int size() {
    return size;
  }

  /** Adds one round of samples (every partition of the groups looked at) and answers the judged rows, worst first. */
  public List<PartitionLag> add(Map<PartitionKey, LagSample> round) {
    tracks.keySet().retainAll(round.keySet());
    List<PartitionLag> rows = new ArrayList<>(round.size());
    round.forEach((key, sample) -> rows.add(add(key, sample)));
    rows.sort(PartitionLag.WORST_FIRST);
    return rows;
  }

  private PartitionLag add(PartitionKey key, LagSample sample) {
    Track track = tracks.computeIfAbsent(key, k -> new Track());
    LagSample previous = track.window.peekLast();
    if (previous == null) {
      track.firstSeenMs = sample.atMs();
    } else if (previous.committedOffset() != sample.committedOffset()) {
      track.committedChangedAtMs = sample.atMs();
    }
    track.window.addLast(sample);
    while (track.window.size() > size) {
      track.window.removeFirst();
    }
    LagEvaluator.Evaluation evaluation = LagEvaluator.evaluate(List.copyOf(track.window));
    boolean lowerBound = track.committedChangedAtMs < 0;
    long since = lowerBound ? track.firstSeenMs : track.committedChangedAtMs;
    return new PartitionLag(
        key,
        sample.committedOffset(),
        sample.endOffset(),
        sample.lagRecords(),
        sample.lagMs(),
        sample.oldestUnconsumedTimestampMs(),
        sample.atMs() - since,
        lowerBound,
        sample.members(),
        evaluation.status(),
        evaluation.reason(),
        track.window.size(),
        sample.atMs());
  }
}
