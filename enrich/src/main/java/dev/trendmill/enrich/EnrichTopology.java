package dev.trendmill.enrich;

import dev.trendmill.enrich.extract.EntityExtractor;
import dev.trendmill.enrich.extract.ExtractedEntity;
import dev.trendmill.schemas.Topics;
import dev.trendmill.schemas.avro.Article;
import dev.trendmill.schemas.avro.EnrichedArticle;
import dev.trendmill.schemas.avro.EntityMention;
import java.util.List;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * {@code articles} (Avro {@code Article}) → {@code articles.enriched} (Avro {@code EnrichedArticle}, same key): the
 * article's metadata plus every catalog entity it names, each once. Undecodable input is dead-lettered by the
 * application's handlers.
 */
public final class EnrichTopology {
  private EnrichTopology() {}

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
