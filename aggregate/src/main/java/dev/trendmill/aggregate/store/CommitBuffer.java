package dev.trendmill.aggregate.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The writes a store holds back until the task commits: the latest value per key, or a deletion. Concurrent because
 * interactive queries read point lookups from the HTTP threads while the stream thread writes.
 */
final class CommitBuffer<K, V> {
  private static final Object DELETED = new Object();

  private final Map<K, Object> latest = new ConcurrentHashMap<>();

  void put(K key, V value) {
    latest.put(key, value == null ? DELETED : value);
  }

  /** What the buffer says of {@code key}: absent (look in the store), deleted, or a value. */
  Lookup<V> lookup(K key) {
    Object value = latest.get(key);
    if (value == null) {
      return Lookup.absent();
    }
    @SuppressWarnings("unchecked")
    V held = value == DELETED ? null : (V) value;
    return new Lookup<>(true, held);
  }

  /** Hands every held write (null for a deletion) to {@code write}, then forgets them. */
  void drainTo(BiConsumer<K, V> write) {
    if (latest.isEmpty()) {
      return;
    }
    latest.forEach(
        (key, value) -> {
          @SuppressWarnings("unchecked")
          V held = value == DELETED ? null : (V) value;
          write.accept(key, held);
        });
    latest.clear();
  }

  void clear() {
    latest.clear();
  }

  int size() {
    return latest.size();
  }

  /** {@code held} false: the buffer knows nothing of the key. */
  record Lookup<V>(boolean held, V value) {
    private static final Lookup<?> ABSENT = new Lookup<>(false, null);

    @SuppressWarnings("unchecked")
    static <V> Lookup<V> absent() {
      return (Lookup<V>) ABSENT;
    }
  }
}
