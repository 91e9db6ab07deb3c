package dev.trendmill.ingest.dedup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An index of the SimHash fingerprints of first articles, answering "is there one within {@code maxDistance} bits?"
 * without comparing against all. The 64 bits are cut into m = k/2 + 1 blocks (k the distance, rounded down); two
 * fingerprints within k bits differ in at most one bit in at least one block (were every block two bits apart, they
 * would be 2m > k apart). So each block is a hash map from the block's value to the articles with it, and a lookup
 * probes, per block, its value and the values one bit away: for k = 8, 5 blocks of 13 bits, 70 probes into buckets of
 * about n / 8,192 articles. The index this replaces cut k + 1 blocks and probed exact values only: for k = 8, blocks of
 * 7 bits, so each lookup compared against about a fourteenth of all articles (70,000 at a million). Pure, not
 * thread-safe (one per stream task).
 */
public final class NearDuplicates {
  /** A first article: its id, fingerprint and when it was seen (for retention). */
  public record Entry(String id, long fingerprint, long seenAt) {}

  private final int maxDistance;
  private final int blocks;
  /** Whether a lookup probes the values one bit away as well (not for distance 0, where blocks must match). */
  private final boolean probeNeighbours;
  private final List<Map<Long, List<Entry>>> index = new ArrayList<>();
  private final Map<String, Entry> byId = new HashMap<>();

  public NearDuplicates(int maxDistance) {
    if (maxDistance < 0 || maxDistance > 31) {
      throw new IllegalArgumentException("maxDistance must be within 0..31, got " + maxDistance);
    }
    this.maxDistance = maxDistance;
    this.blocks = maxDistance / 2 + 1;
    this.probeNeighbours = maxDistance > 0;
    for (int i = 0; i < blocks; i++) {
      index.add(new HashMap<>());
    }
  }

  /** The earliest-seen indexed article within the distance (ties: the lower id), if any. */
  public Optional<Entry> nearest(long fingerprint) {
    Entry best = null;
    for (int block = 0; block < blocks; block++) {
      Map<Long, List<Entry>> byValue = index.get(block);
      long value = block(fingerprint, block);
      best = closer(best, byValue.get(value), fingerprint);
      if (probeNeighbours) {
        for (int bit = 0; bit < width(block); bit++) {
          best = closer(best, byValue.get(value ^ (1L << bit)), fingerprint);
        }
      }
    }
    return Optional.ofNullable(best);
  }

  private Entry closer(Entry best, List<Entry> candidates, long fingerprint) {
    if (candidates == null) {
      return best;
    }
    for (Entry candidate : candidates) {
      if (SimHash.distance(fingerprint, candidate.fingerprint()) <= maxDistance
          && (best == null
              || candidate.seenAt() < best.seenAt()
              || (candidate.seenAt() == best.seenAt() && candidate.id().compareTo(best.id()) < 0))) {
        best = candidate;
      }
    }
    return best;
  }

  public void add(Entry entry) {
    if (byId.putIfAbsent(entry.id(), entry) != null) {
      return;
    }
    for (int block = 0; block < blocks; block++) {
      index.get(block).computeIfAbsent(block(entry.fingerprint(), block), key -> new ArrayList<>()).add(entry);
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
        for (int block = 0; block < blocks; block++) {
          long key = block(entry.fingerprint(), block);
          List<Entry> bucket = index.get(block).get(key);
          if (bucket != null) {
            bucket.remove(entry);
            if (bucket.isEmpty()) {
              index.get(block).remove(key);
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

  /** Block {@code block} of {@code blocks} contiguous bit ranges, as a number. */
  private long block(long fingerprint, int block) {
    int from = block * 64 / blocks;
    int width = width(block);
    long mask = width == 64 ? -1L : ((1L << width) - 1);
    return (fingerprint >>> from) & mask;
  }

  private int width(int block) {
    return (block + 1) * 64 / blocks - block * 64 / blocks;
  }
}
