package dev.trendmill.aggregate.store;

import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * A window store whose writes wait for the commit ({@link BufferedStateStore}). The {@code Instant} overloads are the
 * interface's own, which convert and call the {@code long} ones here.
 */
final class BufferedWindowStore<K, V> extends BufferedStateStore<WindowStore<K, V>, BufferedWindowStore.WindowKey<K>, V>
    implements WindowStore<K, V> {
  /** A key in one window, as the buffer holds it. */
  record WindowKey<K>(K key, long windowStart) {}

  BufferedWindowStore(WindowStore<K, V> inner) {
    super(inner);
  }

  @Override
  void write(WindowKey<K> key, V value) {
    wrapped().put(key.key(), value, key.windowStart());
  }

  @Override
  public void put(K key, V value, long windowStartTimestamp) {
    buffer.put(new WindowKey<>(key, windowStartTimestamp), value);
  }

  @Override
  public V fetch(K key, long time) {
    CommitBuffer.Lookup<V> lookup = buffer.lookup(new WindowKey<>(key, time));
    return lookup.held() ? lookup.value() : wrapped().fetch(key, time);
  }

  @Override
  public WindowStoreIterator<V> fetch(K key, long timeFrom, long timeTo) {
    return wrapped().fetch(key, timeFrom, timeTo);
  }


  @Override
  public WindowStoreIterator<V> backwardFetch(K key, long timeFrom, long timeTo) {
    return wrapped().backwardFetch(key, timeFrom, timeTo);
  }


  @Override
  public KeyValueIterator<Windowed<K>, V> fetch(K keyFrom, K keyTo, long timeFrom, long timeTo) {
    return wrapped().fetch(keyFrom, keyTo, timeFrom, timeTo);
  }


  @Override
  public KeyValueIterator<Windowed<K>, V> backwardFetch(K keyFrom, K keyTo, long timeFrom, long timeTo) {
    return wrapped().backwardFetch(keyFrom, keyTo, timeFrom, timeTo);
  }


  @Override
  public KeyValueIterator<Windowed<K>, V> fetchAll(long timeFrom, long timeTo) {
    return wrapped().fetchAll(timeFrom, timeTo);
  }


  @Override
  public KeyValueIterator<Windowed<K>, V> backwardFetchAll(long timeFrom, long timeTo) {
    return wrapped().backwardFetchAll(timeFrom, timeTo);
  }


  @Override
  public KeyValueIterator<Windowed<K>, V> all() {
    return wrapped().all();
  }

  @Override
  public KeyValueIterator<Windowed<K>, V> backwardAll() {
    return wrapped().backwardAll();
  }
}
