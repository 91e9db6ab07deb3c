package dev.trendmill.ingest.dedup;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An index of the SimHash fingerprints of first articles, answering "is there one within {@code maxDistance} bits?"
 * without comparing against all. The 64 bits are cut into m = k/2 + 1 blocks (k the distance, rounded down); two
 * fingerprints within k bits differ in at most one bit in at least one block (were every block two bits apart, they
 * would be 2m > k apart). So each block is a table from the block's value to the articles with it, and a lookup
 * probes, per block, its value and the values one bit away: for k = 8, 5 blocks of 12 or 13 bits, 69 probes into
 * buckets of about n / 4,096 or n / 8,192 articles. Pure, not thread-safe (one per stream task).
 *
 * <p>It holds every first article of the retention (a month by default: a million articles and more), so it is laid
 * out for that size; at a million, a lookup scans some 10,000 candidates. A table is an array indexed by the block's
 * value (its low 16 bits for wider blocks: a bucket then holds several values, which the full comparison sorts out),
 * not a map of boxed keys, and a bucket is one {@code long[]} holding, per article, its slot and 32 of its other
 * fingerprint bits. A lookup so reads 69 short arrays from start to end, and follows a slot to the article's full
 * fingerprint, time and id only when those 32 bits are within the distance. An article is a slot in parallel arrays
 * rather than objects of its own. Measured side by side at a million random fingerprints: 125 bytes an article and
 * 40 µs a lookup, where a record, a String and a map entry per article, lists of references and boxed keys took 180
 * bytes and 250 µs (at 100,000: 6 against 50 µs); {@code NearDuplicatesBenchmark} prints the current figures.
 * Freed slots are reused.
 */
public final class NearDuplicates {
  /** A first article: its id, fingerprint and when it was seen (for retention). */
  public record Entry(String id, long fingerprint, long seenAt) {}

  private static final int INITIAL_SLOTS = 1024;
  private static final int MAX_TABLE_BITS = 16;

  private final int maxDistance;
  private final int blocks;
  /** Whether a lookup probes the values one bit away as well (not for distance 0, where blocks must match). */
  private final boolean probeNeighbours;
  /** Per block, per bucket: {@code fingerPart << 32 | slot} of its articles (null: none yet). */
  private final long[][][] buckets;
  /** Per block, per bucket: how many entries of {@link #buckets} are in use. */
  private final int[][] bucketSizes;

  private long[] fingerprints = new long[INITIAL_SLOTS];
  private long[] seenAts = new long[INITIAL_SLOTS];
  /** UTF-8 bytes of the id; null for a free slot. */
  private byte[][] ids = new byte[INITIAL_SLOTS][];
  /** Slots at and above it were never used. */
  private int highWater;
  private int[] freeSlots = new int[16];
  private int freeCount;
  private int size;

  public NearDuplicates(int maxDistance) {
    if (maxDistance < 0 || maxDistance > 31) {
      throw new IllegalArgumentException("maxDistance must be within 0..31, got " + maxDistance);
    }
    this.maxDistance = maxDistance;
    this.blocks = maxDistance / 2 + 1;
    this.probeNeighbours = maxDistance > 0;
    this.buckets = new long[blocks][][];
    this.bucketSizes = new int[blocks][];
    for (int block = 0; block < blocks; block++) {
      buckets[block] = new long[1 << tableBits(block)][];
      bucketSizes[block] = new int[1 << tableBits(block)];
    }
  }

  /** The earliest-seen indexed article within the distance (ties: the lower id), if any. */
  public Optional<Entry> nearest(long fingerprint) {
    int best = -1;
    for (int block = 0; block < blocks; block++) {
      int bucket = bucket(fingerprint, block);
      int part = fingerPart(fingerprint, block);
      // Values one bit away above the table's bits fall into the same bucket, scanned once.
      for (int bit = -1; bit < (probeNeighbours ? tableBits(block) : 0); bit++) {
        int probed = bit < 0 ? bucket : bucket ^ (1 << bit);
        long[] entries = buckets[block][probed];
        for (int i = 0, n = bucketSizes[block][probed]; i < n; i++) {
          long entry = entries[i];
          if (Integer.bitCount(part ^ (int) (entry >>> 32)) <= maxDistance) {
            int slot = (int) entry;
            if (SimHash.distance(fingerprint, fingerprints[slot]) <= maxDistance && earlier(slot, best)) {
              best = slot;
            }
          }
        }
      }
    }
    return best < 0 ? Optional.empty() : Optional.of(new Entry(new String(ids[best], StandardCharsets.UTF_8), fingerprints[best], seenAts[best]));
  }

  /** Whether {@code slot} was seen before {@code best} (none: -1), ties to the lower id. */
  private boolean earlier(int slot, int best) {
    return best < 0
        || seenAts[slot] < seenAts[best]
        || (seenAts[slot] == seenAts[best] && Arrays.compareUnsigned(ids[slot], ids[best]) < 0);
  }

  /** Indexes a first article; one already indexed with the same id and fingerprint is not added twice. */
  public void add(Entry entry) {
    long fingerprint = entry.fingerprint();
    byte[] id = entry.id().getBytes(StandardCharsets.UTF_8);
    int sameBucket = bucket(fingerprint, 0);
    long[] same = buckets[0][sameBucket];
    int part = fingerPart(fingerprint, 0);
    for (int i = 0; i < bucketSizes[0][sameBucket]; i++) {
      int slot = (int) same[i];
      // The 32 bits in the bucket first: a restart adds every article again, and most differ there.
      if ((int) (same[i] >>> 32) == part && fingerprints[slot] == fingerprint && Arrays.equals(ids[slot], id)) {
        return;
      }
    }
    int slot = freeCount > 0 ? freeSlots[--freeCount] : newSlot();
    fingerprints[slot] = fingerprint;
    seenAts[slot] = entry.seenAt();
    ids[slot] = id;
    size++;
    for (int block = 0; block < blocks; block++) {
      int bucket = bucket(fingerprint, block);
      long[] entries = buckets[block][bucket];
      int n = bucketSizes[block][bucket];
      if (entries == null) {
        entries = buckets[block][bucket] = new long[4];
      } else if (n == entries.length) {
        entries = buckets[block][bucket] = Arrays.copyOf(entries, n + (n >> 1));
      }
      entries[n] = (long) fingerPart(fingerprint, block) << 32 | slot;
      bucketSizes[block][bucket] = n + 1;
    }
  }

  /** Forgets the articles seen before {@code cutoff}; returns their ids (to delete them from the store too). */
  public List<String> expire(long cutoff) {
    List<String> expired = new ArrayList<>();
    for (int block = 0; block < blocks; block++) {
      for (int bucket = 0; bucket < buckets[block].length; bucket++) {
        long[] entries = buckets[block][bucket];
        int kept = 0;
        for (int i = 0, n = bucketSizes[block][bucket]; i < n; i++) {
          if (seenAts[(int) entries[i]] >= cutoff) {
            entries[kept++] = entries[i];
          }
        }
        bucketSizes[block][bucket] = kept;
        if (kept == 0) {
          buckets[block][bucket] = null;
        }
      }
    }
    for (int slot = 0; slot < highWater; slot++) {
      if (ids[slot] != null && seenAts[slot] < cutoff) {
        expired.add(new String(ids[slot], StandardCharsets.UTF_8));
        ids[slot] = null;
        size--;
        if (freeCount == freeSlots.length) {
          freeSlots = Arrays.copyOf(freeSlots, freeSlots.length * 2);
        }
        freeSlots[freeCount++] = slot;
      }
    }
    return expired;
  }

  public int size() {
    return size;
  }

  private int newSlot() {
    if (highWater == ids.length) {
      int grown = ids.length + (ids.length >> 1);
      fingerprints = Arrays.copyOf(fingerprints, grown);
      seenAts = Arrays.copyOf(seenAts, grown);
      ids = Arrays.copyOf(ids, grown);
    }
    return highWater++;
  }

  /** The bucket of {@code fingerprint} in the table of {@code block}: the block's value, or its low 16 bits. */
  private int bucket(long fingerprint, int block) {
    int from = block * 64 / blocks;
    return (int) (fingerprint >>> from) & ((1 << tableBits(block)) - 1);
  }

  /**
   * 32 bits of {@code fingerprint} from outside {@code block} (for blocks of 32 bits or fewer): the 32 that follow it,
   * wrapping around. Their distance is at most the whole fingerprints' distance, so it rules candidates out, never in.
   */
  private int fingerPart(long fingerprint, int block) {
    return (int) Long.rotateRight(fingerprint, (block + 1) * 64 / blocks);
  }

  private int tableBits(int block) {
    return Math.min(width(block), MAX_TABLE_BITS);
  }

  private int width(int block) {
    return (block + 1) * 64 / blocks - block * 64 / blocks;
  }
}
