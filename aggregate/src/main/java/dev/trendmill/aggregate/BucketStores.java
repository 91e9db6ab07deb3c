package dev.trendmill.aggregate;

import java.time.Instant;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/** Reads bucket stores for the queries (the processor sums its in-memory copy, {@code BucketIndex}). */
public final class BucketStores {
  private BucketStores() {}

  /** Sum of one entity's bucket counts whose bucket start lies in [from, to). */
  public static long sum(ReadOnlyWindowStore<String, Long> store, String entityId, long from, long to) {
    if (to <= from) {
      return 0;
    }
    long sum = 0;
    try (WindowStoreIterator<Long> iterator = store.fetch(entityId, Instant.ofEpochMilli(from), Instant.ofEpochMilli(to - 1))) {
      while (iterator.hasNext()) {
        sum += iterator.next().value;
      }
    }
    return sum;
  }
}
