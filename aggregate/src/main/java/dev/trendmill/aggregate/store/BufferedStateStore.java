package dev.trendmill.aggregate.store;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * A store that holds its writes in a {@link CommitBuffer} and writes them to the store it wraps (logged, uncached)
 * when the task commits: a key written many times between two commits is serialized, put into RocksDB and sent to
 * its changelog once, and a write costs a map put instead of Kafka Streams' record cache (serializing key and value
 * and inserting them into a sorted map, about a quarter of the aggregate's stream thread in a profile).
 *
 * <p>Why {@link CachedStateStore}: Kafka Streams has no public hook that runs before a task's transaction commits.
 * {@link StateStore#commit} runs after it (and, with exactly-once, only at checkpoints), too late: offsets committed
 * for records whose state is still in memory would lose that state in a crash. {@code CachedStateStore#flushCache}
 * is what Kafka Streams calls on every store in {@code StreamTask#prepareCommit}, before it flushes the producer and
 * commits, which is how its own caching stores write their dirty entries. The interface is internal, so
 * {@code CommitBufferedStoresTest} checks that a commit writes the buffer to the changelog, the fault tests
 * ({@code FaultToleranceIT}) check exact counts across crashes, and a store still holding writes at a checkpoint
 * (which always follows a commit) fails rather than lose them.
 *
 * <p>The rest is delegated by Kafka Streams' own {@link WrappedStateStore}, the base of its caching, logging and metered
 * layers, so its checks that look through wrappers (the restore format, timestamped or not) see the store below too.
 *
 * <p>Point reads see the buffer; range reads see the store as of the last commit (at most one commit interval old).
 */
abstract class BufferedStateStore<S extends StateStore, K, V> extends WrappedStateStore<S, K, V> {
  final CommitBuffer<K, V> buffer = new CommitBuffer<>();

  BufferedStateStore(S inner) {
    super(inner);
  }

  /** Writes one held write (null: a deletion) to the wrapped store. */
  abstract void write(K key, V value);

  @Override
  public void flushCache() {
    buffer.drainTo(this::write);
  }

  @Override
  public void clearCache() {
    buffer.clear();
  }

  @Override
  public boolean setFlushListener(CacheFlushListener<K, V> listener, boolean sendOldValues) {
    return false; // nothing is forwarded on flush
  }

  @Override
  public void init(StateStoreContext context, StateStore root) {
    buffer.clear();
    super.init(context, root);
  }

  @Override
  @SuppressWarnings("deprecation")
  public void flush() {
    requireNothingHeld();
    wrapped().flush();
  }

  /** Called at checkpoints and clean closes, always after the commit that drained the buffer. */
  @Override
  public void commit(Map<TopicPartition, Long> changelogOffsets) {
    requireNothingHeld();
    super.commit(changelogOffsets);
  }

  /**
   * Writes held at a checkpoint mean Kafka Streams committed without calling {@link #flushCache} first (a change of
   * the internal hook): failing here is better than exactly-once counts silently lost in the next crash.
   */
  private void requireNothingHeld() {
    if (buffer.size() > 0) {
      throw new IllegalStateException(
          "Store " + name() + " holds " + buffer.size() + " writes at a checkpoint: Kafka Streams committed without flushing the store first");
    }
  }

  /** Closing drops what the buffer holds: a clean close committed it first, a dirty one must lose it. */
  @Override
  public void close() {
    buffer.clear();
    super.close();
  }

  /** Held writes not yet in the store (for tests). */
  int held() {
    return buffer.size();
  }
}
