package dev.trendmill.schemas;

import java.util.List;

/**
 * The names of the pipeline's topics (see DESIGN.md), all behind one configurable prefix so that several pipelines
 * can share a cluster.
 */
public record TopicNames(String prefix) {
  public static final TopicNames DEFAULT = new TopicNames("");

  public TopicNames {
    prefix = prefix == null ? "" : prefix;
  }

  /** JSON articles as producers drop them; anything may arrive here. */
  public String inbox() {
    return prefix + "articles.inbox";
  }

  /** Avro {@code Article}s, validated, normalized and de-duplicated, keyed by article id. */
  public String articles() {
    return prefix + "articles";
  }

  /** Avro {@code EnrichedArticle}s, keyed by article id. */
  public String enriched() {
    return prefix + "articles.enriched";
  }

  /** Avro {@code TrendUpdate}s, keyed by {@code <entity id>|<horizon>}. */
  public String trends() {
    return prefix + "trends";
  }

  /** Compacted: the latest Avro {@code TopTrends} per horizon and entity type. */
  public String trendsTop() {
    return prefix + "trends.top";
  }

  /** Compacted: Avro {@code CatalogEntity}s keyed by entity id. */
  public String catalog() {
    return prefix + "entities.catalog";
  }

  /** Dead letters: the original key and bytes, with the reason in headers. */
  public String deadLetters() {
    return prefix + "articles.dlq";
  }

  public List<String> all() {
    return List.of(inbox(), articles(), enriched(), trends(), trendsTop(), catalog(), deadLetters());
  }

  public List<String> compacted() {
    return List.of(trendsTop(), catalog());
  }
}
