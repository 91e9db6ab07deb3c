package dev.trendmill.aggregate.store;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Stores whose writes are held in memory and written (to RocksDB and the changelog) once per key and commit, for a
 * processor that writes the same keys many times between commits; see {@link BufferedStateStore}.
 */
public final class CommitBufferedStores {
  private CommitBufferedStores() {}

  /** {@code store}, uncached, behind a commit buffer. */
  public static <K, V> StoreBuilder<KeyValueStore<K, V>> keyValue(StoreBuilder<KeyValueStore<K, V>> store) {
    return new Builder<>(store.withCachingDisabled(), BufferedKeyValueStore::new);
  }

  /** {@code store}, uncached, behind a commit buffer. */
  public static <K, V> StoreBuilder<WindowStore<K, V>> window(StoreBuilder<WindowStore<K, V>> store) {
    return new Builder<>(store.withCachingDisabled(), BufferedWindowStore::new);
  }

  /** Builds the wrapped store and puts the buffer in front; logging settings are the wrapped store's. */
  private static final class Builder<S extends StateStore> implements StoreBuilder<S> {
    private final StoreBuilder<S> inner;
    private final UnaryOperator<S> buffered;

    Builder(StoreBuilder<S> inner, UnaryOperator<S> buffered) {
      this.inner = inner;
      this.buffered = buffered;
    }

    @Override
    public StoreBuilder<S> withCachingEnabled() {
      throw new UnsupportedOperationException("the commit buffer is this store's cache");
    }

    @Override
    public StoreBuilder<S> withCachingDisabled() {
      return this;
    }

    @Override
    public StoreBuilder<S> withLoggingEnabled(Map<String, String> config) {
      inner.withLoggingEnabled(config);
      return this;
    }

    @Override
    public StoreBuilder<S> withLoggingDisabled() {
      inner.withLoggingDisabled();
      return this;
    }

    @Override
    public S build() {
      return buffered.apply(inner.build());
    }

    @Override
    public Map<String, String> logConfig() {
      return inner.logConfig();
    }

    @Override
    public boolean loggingEnabled() {
      return inner.loggingEnabled();
    }

    @Override
    public String name() {
      return inner.name();
    }
  }
}
