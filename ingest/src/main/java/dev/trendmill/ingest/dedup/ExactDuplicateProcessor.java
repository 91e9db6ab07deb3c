package dev.trendmill.ingest.dedup;

import dev.trendmill.schemas.avro.Article;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Articles keyed by id in, each id out once per retention window. A later copy of the same id is not forwarded: it
 * is counted ({@code duplicates-suppressed-total}) and logged with its id. The ids live in a window store (changelogged,
 * so it survives restarts and moves with its partition; records are partitioned by id upstream, so copies meet), whose
 * old segments expire by themselves after the retention.
 */
public final class ExactDuplicateProcessor implements Processor<String, Article, String, Article> {
  private static final Logger LOG = LoggerFactory.getLogger(ExactDuplicateProcessor.class);

  private final String storeName;
  private final Duration retention;
  private final Function<ProcessorContext<String, Article>, Runnable> counter;
  private ProcessorContext<String, Article> context;
  private WindowStore<String, Long> seen;
  private Runnable suppressed;

  /** @param counter called once with the context; returns what to run for each suppressed duplicate (the metric) */
  public ExactDuplicateProcessor(String storeName, Duration retention, Function<ProcessorContext<String, Article>, Runnable> counter) {
    this.storeName = storeName;
    this.retention = retention;
    this.counter = counter;
  }

  @Override
  public void init(ProcessorContext<String, Article> context) {
    this.context = context;
    this.seen = context.getStateStore(storeName);
    this.suppressed = counter.apply(context);
  }

  @Override
  public void process(Record<String, Article> record) {
    String id = record.key();
    long now = record.timestamp();
    Long firstSeen = null;
    // The long overload: the Instant one formats its argument-check message with String.format on every call.
    try (WindowStoreIterator<Long> earlier = seen.fetch(id, now - retention.toMillis(), now + retention.toMillis())) {
      if (earlier.hasNext()) {
        firstSeen = earlier.next().value;
      }
    }
    if (firstSeen != null) {
      suppressed.run();
      LOG.info("Suppressed duplicate of article {} (first seen {})", id, Instant.ofEpochMilli(firstSeen));
      return;
    }
    seen.put(id, now, now);
    context.forward(record);
  }
}
