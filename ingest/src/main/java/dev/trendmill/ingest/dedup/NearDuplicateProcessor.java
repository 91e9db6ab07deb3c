package dev.trendmill.ingest.dedup;

import dev.trendmill.schemas.avro.Article;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks near-duplicates: an article whose SimHash is within the configured distance of an earlier first article is
 * forwarded with {@code duplicate_of} = that article's id (and counted, {@code near-duplicates-total}); otherwise it
 * is forwarded unchanged and becomes a first article itself. Every article goes out: a near-duplicate is news that
 * aggregate counts once per story, not an error.
 *
 * <p>The fingerprints of first articles are kept in a store (id → fingerprint and time, changelogged) and in an
 * in-memory banded index rebuilt from it on start, so a restart or a move to another instance remembers them.
 * Fingerprints older than the retention are forgotten by a stream-time punctuation.
 */
public final class NearDuplicateProcessor implements Processor<String, Article, String, Article> {
  private static final Logger LOG = LoggerFactory.getLogger(NearDuplicateProcessor.class);

  private final String storeName;
  private final Duration retention;
  private final int maxDistance;
  private final int minWords;
  private final Function<ProcessorContext<String, Article>, Runnable> counter;
  private ProcessorContext<String, Article> context;
  private KeyValueStore<String, String> store;
  private NearDuplicates index;
  private Runnable counted;

  public NearDuplicateProcessor(
      String storeName, Duration retention, int maxDistance, int minWords, Function<ProcessorContext<String, Article>, Runnable> counter) {
    this.storeName = storeName;
    this.retention = retention;
    this.maxDistance = maxDistance;
    this.minWords = minWords;
    this.counter = counter;
  }

  @Override
  public void init(ProcessorContext<String, Article> context) {
    this.context = context;
    this.store = context.getStateStore(storeName);
    this.counted = counter.apply(context);
    this.index = new NearDuplicates(maxDistance);
    try (KeyValueIterator<String, String> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<String, String> entry = all.next();
        index.add(decode(entry.key, entry.value));
      }
    }
    context.schedule(Duration.ofHours(1), PunctuationType.STREAM_TIME, this::expire);
  }

  @Override
  public void process(Record<String, Article> record) {
    Article article = record.value();
    SimHash.Fingerprint print = SimHash.fingerprint(article.getTitle(), article.getBody());
    if (print.words() < minWords) {
      context.forward(record);
      return;
    }
    long fingerprint = print.bits();
    Optional<NearDuplicates.Entry> first = index.nearest(fingerprint).filter(entry -> !entry.id().equals(record.key()));
    if (first.isPresent()) {
      counted.run();
      LOG.info("Article {} is a near-duplicate of {} (distance {})", record.key(), first.get().id(), SimHash.distance(fingerprint, first.get().fingerprint()));
      Article marked = Article.newBuilder(article).setDuplicateOf(first.get().id()).build();
      context.forward(record.withValue(marked));
      return;
    }
    NearDuplicates.Entry entry = new NearDuplicates.Entry(record.key(), fingerprint, record.timestamp());
    index.add(entry);
    store.put(entry.id(), Long.toHexString(fingerprint) + ":" + entry.seenAt());
    context.forward(record);
  }

  private void expire(long streamTime) {
    for (String id : index.expire(streamTime - retention.toMillis())) {
      store.delete(id);
    }
  }

  private static NearDuplicates.Entry decode(String id, String value) {
    int colon = value.indexOf(':');
    return new NearDuplicates.Entry(id, Long.parseUnsignedLong(value.substring(0, colon), 16), Long.parseLong(value.substring(colon + 1)));
  }
}
