package dev.trendmill.enrich;

import dev.trendmill.enrich.catalog.CatalogRecords;
import dev.trendmill.enrich.catalog.CatalogStoreUpdater;
import dev.trendmill.enrich.catalog.LiveCatalog;
import dev.trendmill.enrich.extract.CatalogEntry;
import dev.trendmill.enrich.extract.EntityExtractor;
import dev.trendmill.enrich.extract.ExtractedEntity;
import dev.trendmill.schemas.Topics;
import dev.trendmill.schemas.avro.Article;
import dev.trendmill.schemas.avro.CatalogEntity;
import dev.trendmill.schemas.avro.EnrichedArticle;
import dev.trendmill.schemas.avro.EntityMention;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * {@code articles} (Avro {@code Article}) → {@code articles.enriched} (Avro {@code EnrichedArticle}, same key): the
 * article's metadata plus every entity it names, each once. Undecodable input is dead-lettered by the application's
 * handlers.
 *
 * <p>The live form reads the compacted {@code entities.catalog} topic into a global store ({@link #CATALOG_STORE},
 * every instance holds the whole catalog) and extracts with the {@link LiveCatalog}'s extractor, rebuilt after a
 * change, so new articles use an added or removed entity without a restart. The fixed form uses one extractor.
 */
public final class EnrichTopology {
  public static final String CATALOG_STORE = "entities-catalog-store";

  private EnrichTopology() {}

  /** The live topology: catalog from the {@code entities.catalog} topic, changes applied to new articles. */
  public static Topology build(Topics topics, LiveCatalog live) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(CATALOG_STORE), Serdes.String(), topics.catalog().valueSerde())
            .withLoggingDisabled(),
        topics.catalog().name(),
        Consumed.with(topics.catalog().keySerde(), topics.catalog().valueSerde()).withName("entities-catalog"),
        () -> new CatalogStoreUpdater(CATALOG_STORE, live));
    builder.stream(
            topics.articles().name(),
            Consumed.with(topics.articles().keySerde(), topics.articles().valueSerde()).withName("articles"))
        .processValues(() -> new LiveExtraction(live), Named.as("extract-entities"))
        .to(
            topics.enriched().name(),
            Produced.with(topics.enriched().keySerde(), topics.enriched().valueSerde()).withName("articles-enriched"));
    return builder.build();
  }

  /** Extraction with the live catalog: reads the global store only when the extractor must be rebuilt. */
  private static final class LiveExtraction implements FixedKeyProcessor<String, Article, EnrichedArticle> {
    private final LiveCatalog live;
    private FixedKeyProcessorContext<String, EnrichedArticle> context;
    private KeyValueStore<String, CatalogEntity> store;

    LiveExtraction(LiveCatalog live) {
      this.live = live;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, EnrichedArticle> context) {
      this.context = context;
      this.store = context.getStateStore(CATALOG_STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, Article> record) {
      EntityExtractor extractor = live.extractor(this::entries);
      context.forward(record.withValue(enrich(record.value(), extractor)));
    }

    private List<CatalogEntry> entries() {
      List<CatalogEntry> entries = new ArrayList<>();
      try (KeyValueIterator<String, CatalogEntity> all = store.all()) {
        all.forEachRemaining(kv -> entries.add(CatalogRecords.fromAvro(kv.value)));
      }
      return entries;
    }
  }

  /** The fixed topology: one extractor for the life of the application (tests, or a catalog file without a topic). */
  public static Topology build(Topics topics, EntityExtractor extractor) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(
            topics.articles().name(),
            Consumed.with(topics.articles().keySerde(), topics.articles().valueSerde()).withName("articles"))
        .mapValues(article -> enrich(article, extractor), Named.as("extract-entities"))
        .to(
            topics.enriched().name(),
            Produced.with(topics.enriched().keySerde(), topics.enriched().valueSerde()).withName("articles-enriched"));
    return builder.build();
  }

  static EnrichedArticle enrich(Article article, EntityExtractor extractor) {
    List<EntityMention> mentions =
        extractor.extract(article.getTitle(), article.getBody()).stream().map(EnrichTopology::mention).toList();
    return EnrichedArticle.newBuilder()
        .setId(article.getId())
        .setUrl(article.getUrl())
        .setTitle(article.getTitle())
        .setPublishedAt(article.getPublishedAt())
        .setIngestedAt(article.getIngestedAt())
        .setSource(article.getSource())
        .setLanguage(article.getLanguage())
        .setDuplicateOf(article.getDuplicateOf())
        .setEntities(mentions)
        .setExtractorVersion(EntityExtractor.VERSION)
        .build();
  }

  private static EntityMention mention(ExtractedEntity entity) {
    return EntityMention.newBuilder()
        .setEntityId(entity.id())
        .setName(entity.name())
        .setType(entity.type())
        .setMentions(entity.mentions())
        .setSalience(entity.salience())
        .setConfidence(entity.confidence())
        .build();
  }
}
