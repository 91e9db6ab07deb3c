package dev.trendmill.enrich.catalog;

import dev.trendmill.schemas.avro.CatalogEntity;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the global catalog store equal to the compacted {@code entities.catalog} topic (a null value removes the
 * entity) and tells the {@link LiveCatalog} that the extractor must be rebuilt.
 */
public final class CatalogStoreUpdater implements Processor<String, CatalogEntity, Void, Void> {
  private final String storeName;
  private final LiveCatalog live;
  private KeyValueStore<String, CatalogEntity> store;

  public CatalogStoreUpdater(String storeName, LiveCatalog live) {
    this.storeName = storeName;
    this.live = live;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, CatalogEntity> record) {
    if (record.key() == null) {
      return;
    }
    if (record.value() == null) {
      store.delete(record.key());
    } else {
      store.put(record.key(), record.value());
    }
    live.changed();
  }
}
