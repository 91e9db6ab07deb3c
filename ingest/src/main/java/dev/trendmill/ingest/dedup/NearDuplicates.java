package dev.trendmill.ingest.dedup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An index of the SimHash fingerprints of first articles, answering "is there one within {@code maxDistance} bits?"
 * without comparing against all: by the pigeonhole principle, two fingerprints within k bits agree exactly on at
 * least one of k + 1 bands, so each band is a hash map and only articles sharing a band are compared. Pure, not
 * thread-safe (one per stream task).
 */
public final class NearDuplicates {
  /** A first article: its id, fingerprint and when it was seen (for retention). */
  public record Entry(String id, long fingerprint, long seenAt) {}

  private final int maxDistance;
  private final int bands;
  private final List<Map<Long, List<Entry>>> index = new ArrayList<>();
  private final Map<String, Entry> byId = new HashMap<>();

  public NearDuplicates(int maxDistance) {
    if (maxDistance < 0 || maxDistance > 31) {
      throw new IllegalArgumentException("maxDistance must be within 0..31, got " + maxDistance);
    }
    this.maxDistance = maxDistance;
    this.bands = maxDistance + 1;
    for (int i = 0; i < bands; i++) {
      index.add(new HashMap<>());
    }
  }

  /** The earliest-seen indexed article within the distance (ties: the lower id), if any. */
  public Optional<Entry> nearest(long fingerprint) {
    Entry best = null;
    for (int band = 0; band < bands; band++) {
      for (Entry candidate : index.get(band).getOrDefault(band(fingerprint, band), List.of())) {
        if (SimHash.distance(fingerprint, candidate.fingerprint()) <= maxDistance
            && (best == null
                || candidate.seenAt() < best.seenAt()
                || (candidate.seenAt() == best.seenAt() && candidate.id().compareTo(best.id()) < 0))) {
          best = candidate;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  public void add(Entry entry) {
    if (byId.putIfAbsent(entry.id(), entry) != null) {
      return;
    }
    for (int band = 0; band < bands; band++) {
      index.get(band).computeIfAbsent(band(entry.fingerprint(), band), key -> new ArrayList<>()).add(entry);
    }
  }

  /** Forgets the articles seen before {@code cutoff}; returns their ids (to delete them from the store too). */
  public List<String> expire(long cutoff) {
    List<String> expired = new ArrayList<>();
    for (Iterator<Entry> it = byId.values().iterator(); it.hasNext(); ) {
      Entry entry = it.next();
      if (entry.seenAt() < cutoff) {
        expired.add(entry.id());
        it.remove();
        for (int band = 0; band < bands; band++) {
          long key = band(entry.fingerprint(), band);
          List<Entry> bucket = index.get(band).get(key);
          if (bucket != null) {
            bucket.remove(entry);
            if (bucket.isEmpty()) {
              index.get(band).remove(key);
            }
          }
        }
      }
    }
    return expired;
  }

  public int size() {
    return byId.size();
  }

  /** Band {@code band} of {@code bands} contiguous bit ranges, tagged with its number so bands never collide. */
  private long band(long fingerprint, int band) {
    int from = band * 64 / bands;
    int to = (band + 1) * 64 / bands;
    long mask = to - from == 64 ? -1L : ((1L << (to - from)) - 1);
    return ((fingerprint >>> from) & mask) * 31 + band;
  }
}
