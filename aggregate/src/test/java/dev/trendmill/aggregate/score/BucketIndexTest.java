package dev.trendmill.aggregate.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The in-memory bucket counts against a plain list of (entity, bucket) increments. */
class BucketIndexTest {
  private static final long G = 300_000; // 5 min

  private record Hit(String entity, long bucket) {}

  @Test
  void sumsEntitiesAndEvictionAgreeWithABruteForceOverRandomIncrements() {
    Random random = new Random(11);
    BucketIndex index = new BucketIndex(G);
    List<Hit> hits = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      Hit hit = new Hit("e" + random.nextInt(40), G * random.nextInt(500));
      hits.add(hit);
      index.add(hit.entity(), hit.bucket(), 1);
    }
    long evictBefore = G * 120;
    index.evictBefore(evictBefore);
    hits.removeIf(hit -> hit.bucket() < evictBefore);
    // More after the eviction, in any order from the eviction point on (late ones grow an entity's counts backwards).
    for (int i = 0; i < 2_000; i++) {
      Hit hit = new Hit("e" + random.nextInt(40), evictBefore + G * random.nextInt(400));
      hits.add(hit);
      index.add(hit.entity(), hit.bucket(), 1);
    }

    for (int q = 0; q < 300; q++) {
      long from = G * random.nextInt(520) - (random.nextBoolean() ? G / 2 : 0);
      long to = from + G * random.nextInt(100) + (random.nextBoolean() ? G / 3 : 0);
      String entity = "e" + random.nextInt(45);
      long expected = hits.stream().filter(h -> h.entity().equals(entity) && h.bucket() >= from && h.bucket() < to).count();
      assertThat(index.sum(entity, from, to)).as("sum of %s in [%d, %d)", entity, from, to).isEqualTo(expected);
      Set<String> expectedEntities = new TreeSet<>();
      hits.stream().filter(h -> h.bucket() >= from && h.bucket() < to).forEach(h -> expectedEntities.add(h.entity()));
      assertThat(index.entitiesIn(from, to)).containsExactlyElementsOf(expectedEntities);
    }
    assertThat(index.earliestBucket()).isEqualTo(hits.stream().mapToLong(Hit::bucket).min().orElseThrow());
  }

  @Test
  void evictingABucketAtATimeAsTimeGoesOnAgreesWithABruteForce() {
    // The way window closings use it: hits mostly in the current bucket, some late, the oldest bucket evicted each step.
    Random random = new Random(17);
    BucketIndex index = new BucketIndex(G);
    List<Hit> hits = new ArrayList<>();
    int keep = 30;
    for (long now = 0; now < 600; now++) {
      for (int i = 0, n = random.nextInt(8); i < n; i++) {
        long bucket = now - (random.nextInt(5) == 0 ? random.nextInt((int) Math.min(keep, now + 1)) : 0);
        Hit hit = new Hit("e" + random.nextInt(12), G * bucket);
        hits.add(hit);
        index.add(hit.entity(), hit.bucket(), 1);
      }
      long evictBefore = G * (now - keep);
      index.evictBefore(evictBefore);
      hits.removeIf(hit -> hit.bucket() < evictBefore);
      if (now % 7 == 0) {
        for (int e = 0; e < 13; e++) {
          String entity = "e" + e;
          long from = G * (now - random.nextInt(keep + 5));
          long to = from + G * random.nextInt(keep);
          long expected = hits.stream().filter(h -> h.entity().equals(entity) && h.bucket() >= from && h.bucket() < to).count();
          assertThat(index.sum(entity, from, to)).as("sum of %s in [%d, %d) at %d", entity, from, to, now).isEqualTo(expected);
        }
        Set<String> expectedEntities = new TreeSet<>();
        long windowStart = G * (now - 12);
        hits.stream().filter(h -> h.bucket() >= windowStart).forEach(h -> expectedEntities.add(h.entity()));
        assertThat(index.entitiesIn(windowStart, G * (now + 1))).containsExactlyElementsOf(expectedEntities);
      }
    }
    assertThat(index.size()).isLessThanOrEqualTo(keep + 1);
  }

  @Test
  void addReturnsTheNewCountAndCountReadsIt() {
    BucketIndex index = new BucketIndex(G);
    assertThat(index.add("a", 0, 1)).isEqualTo(1);
    assertThat(index.add("a", 0, 2)).isEqualTo(3);
    assertThat(index.count("a", 0)).isEqualTo(3);
    assertThat(index.count("a", G)).isZero();
    assertThat(index.count("b", 0)).isZero();
    assertThat(index.firstBucketFrom(1)).isNull();
    assertThat(index.firstBucketFrom(-G)).isEqualTo(0L);
  }

  @Test
  void bucketsBeforeTheEpochCountLikeAnyOther() {
    BucketIndex index = new BucketIndex(G);
    index.add("a", -3 * G, 1);
    index.add("a", -G, 2);
    index.add("a", 0, 4);
    assertThat(index.bucketStart(-1)).isEqualTo(-G);
    assertThat(index.sum("a", -3 * G, 0)).isEqualTo(3);
    assertThat(index.sum("a", -G - 1, G)).isEqualTo(6);
    assertThat(index.count("a", -2 * G)).isZero();
    index.evictBefore(-G);
    assertThat(index.sum("a", -10 * G, 10 * G)).isEqualTo(6);
    assertThat(index.earliestBucket()).isEqualTo(-G);
  }

  @Test
  void aBucketAddedAgainBeforeTheEvictionPointStartsFromZero() {
    BucketIndex index = new BucketIndex(G);
    index.add("a", 2 * G, 7);
    index.add("a", 10 * G, 1);
    index.evictBefore(5 * G);
    assertThat(index.add("a", 2 * G, 1)).isEqualTo(1);
    assertThat(index.sum("a", 0, 20 * G)).isEqualTo(2);
  }

  @Test
  void evictingEverythingLeavesItEmpty() {
    BucketIndex index = new BucketIndex(G);
    index.add("a", 0, 1);
    index.add("b", G, 1);
    index.evictBefore(2 * G);
    assertThat(index.size()).isZero();
    assertThat(index.earliestBucket()).isNull();
    assertThat(index.sum("a", 0, 10 * G)).isZero();
    assertThat(index.entitiesIn(0, 10 * G)).isEmpty();
  }
}
