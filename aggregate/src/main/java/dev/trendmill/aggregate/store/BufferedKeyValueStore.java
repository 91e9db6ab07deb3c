package dev.trendmill.aggregate.store;

import java.util.List;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** A key-value store whose writes wait for the commit ({@link BufferedStateStore}). */
final class BufferedKeyValueStore<K, V> extends BufferedStateStore<KeyValueStore<K, V>, K, V> implements KeyValueStore<K, V> {
  BufferedKeyValueStore(KeyValueStore<K, V> inner) {
    super(inner);
  }

  @Override
  void write(K key, V value) {
    if (value == null) {
      wrapped().delete(key);
    } else {
      wrapped().put(key, value);
    }
  }

  @Override
  public void put(K key, V value) {
    buffer.put(key, value);
  }

  @Override
  public V putIfAbsent(K key, V value) {
    V current = get(key);
    if (current == null) {
      put(key, value);
    }
    return current;
  }

  @Override
  public void putAll(List<KeyValue<K, V>> entries) {
    entries.forEach(entry -> put(entry.key, entry.value));
  }

  @Override
  public V delete(K key) {
    V current = get(key);
    buffer.put(key, null);
    return current;
  }

  @Override
  public V get(K key) {
    CommitBuffer.Lookup<V> lookup = buffer.lookup(key);
    return lookup.held() ? lookup.value() : wrapped().get(key);
  }

  @Override
  public KeyValueIterator<K, V> range(K from, K to) {
    return wrapped().range(from, to);
  }

  @Override
  public KeyValueIterator<K, V> reverseRange(K from, K to) {
    return wrapped().reverseRange(from, to);
  }

  @Override
  public KeyValueIterator<K, V> all() {
    return wrapped().all();
  }

  @Override
  public KeyValueIterator<K, V> reverseAll() {
    return wrapped().reverseAll();
  }

  @Override
  public <PS extends Serializer<P>, P> KeyValueIterator<K, V> prefixScan(P prefix, PS prefixKeySerializer) {
    return wrapped().prefixScan(prefix, prefixKeySerializer);
  }

  @Override
  public long approximateNumEntries() {
    return wrapped().approximateNumEntries();
  }
}
