package dev.trendmill.enrich.catalog;

import dev.trendmill.enrich.extract.CatalogEntry;
import dev.trendmill.enrich.extract.EntityExtractor;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The extractor for the catalog as it is now. Whoever changes the catalog calls {@link #changed()}; the next caller
 * of {@link #extractor} after a change rebuilds the extractor from the current entries (lazily, so a burst of changes
 * costs one rebuild), at most once per {@code minInterval} (debounced: while changes keep coming, articles use the
 * previous extractor for at most that long). Thread-safe: readers never block on a rebuild in progress except the
 * first one; the extractor itself is immutable.
 */
public final class LiveCatalog {
  private static final Logger LOG = LoggerFactory.getLogger(LiveCatalog.class);

  private record Built(long generation, EntityExtractor extractor, long atNanos) {}

  private final AtomicLong changes = new AtomicLong();
  private final long minIntervalNanos;
  private final LongSupplier nanoTime;
  private volatile Built built;

  public LiveCatalog(Duration minInterval) {
    this(minInterval, System::nanoTime);
  }

  LiveCatalog(Duration minInterval, LongSupplier nanoTime) {
    this.minIntervalNanos = minInterval.toNanos();
    this.nanoTime = nanoTime;
  }

  /** Records that the catalog changed; the next article after the debounce interval sees the change. */
  public void changed() {
    changes.incrementAndGet();
  }

  /** How many changes were recorded so far. */
  public long generation() {
    return changes.get();
  }

  /** The current extractor, rebuilt from {@code entries} when the catalog changed since the last build. */
  public EntityExtractor extractor(Supplier<Collection<CatalogEntry>> entries) {
    Built current = built;
    long generation = changes.get();
    if (current != null
        && (current.generation() == generation || nanoTime.getAsLong() - current.atNanos() < minIntervalNanos)) {
      return current.extractor();
    }
    synchronized (this) {
      current = built;
      generation = changes.get();
      if (current == null || current.generation() != generation) {
        long start = nanoTime.getAsLong();
        EntityExtractor extractor = new EntityExtractor(entries.get());
        long end = nanoTime.getAsLong();
        built = current = new Built(generation, extractor, end);
        LOG.info("catalog: extractor rebuilt with {} names in {} ms", extractor.size(), (end - start) / 1_000_000);
      }
      return current.extractor();
    }
  }
}
