package dev.trendmill.schemas.runtime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Caps the off-heap memory of all RocksDB stores of a process at {@value #MEMORY_BYTES_CONFIG} bytes: every store
 * shares one block cache, and their memtables are charged to that cache (RocksDB's write buffer manager), so a store
 * whose memtables outgrow their share is flushed early instead of growing the process. Without it Kafka Streams gives
 * every store, and every segment of a window store, its own 50 MB block cache and up to three 16 MB memtables: the
 * aggregate's resident memory grew past its heap cap by hundreds of MB as segments filled.
 *
 * <p>The approach is the one Kafka Streams' memory-management guide describes; the cache and manager are static
 * because Kafka Streams builds one setter per store and gives it no shared context.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {
  /** Total off-heap bytes for block cache and memtables together (passed through the Streams properties). */
  public static final String MEMORY_BYTES_CONFIG = "trendmill.rocksdb.memory.bytes";
  /** Share of the total the memtables may take before RocksDB flushes them. */
  static final double MEMTABLE_SHARE = 0.5;
  /** Share of the cache kept for index and filter blocks, so data blocks do not evict them. */
  static final double INDEX_FILTER_SHARE = 0.1;

  /** One cache per size asked for: a JVM normally runs one service, tests may run several apps with one size. */
  private static final Map<Long, Shared> SHARED = new ConcurrentHashMap<>();

  private record Shared(Cache cache, WriteBufferManager writeBuffers) {
    static Shared of(long bytes) {
      Cache cache = new LRUCache(bytes, -1, false, INDEX_FILTER_SHARE);
      return new Shared(cache, new WriteBufferManager((long) (bytes * MEMTABLE_SHARE), cache));
    }
  }

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    Object value = configs.get(MEMORY_BYTES_CONFIG);
    if (value == null) {
      throw new IllegalStateException(MEMORY_BYTES_CONFIG + " is not set: the service config sets it with rocksdb.config.setter");
    }
    long bytes = Long.parseLong(value.toString());
    Shared shared = SHARED.computeIfAbsent(bytes, Shared::of);
    BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
    table.setBlockCache(shared.cache());
    // Index and filter blocks live in the cache too (counted, evictable), the top level pinned so reads stay cheap.
    table.setCacheIndexAndFilterBlocks(true);
    table.setCacheIndexAndFilterBlocksWithHighPriority(true);
    table.setPinTopLevelIndexAndFilter(true);
    options.setTableFormatConfig(table);
    options.setWriteBufferManager(shared.writeBuffers());
    // Smaller memtables than Kafka Streams' 16 MB: many small stores and segments, little data each.
    options.setWriteBufferSize(Math.max(1L << 20, Math.min(8L << 20, bytes / 16)));
    options.setMaxWriteBufferNumber(2);
  }

  @Override
  public void close(String storeName, Options options) {
    // The cache and write buffer manager are shared by every store of the process: never closed with one of them.
  }
}
