package dev.trendmill.schemas;

import dev.trendmill.schemas.avro.Article;
import dev.trendmill.schemas.avro.CatalogEntity;
import dev.trendmill.schemas.avro.EnrichedArticle;
import dev.trendmill.schemas.avro.TopTrends;
import dev.trendmill.schemas.avro.TrendUpdate;
import dev.trendmill.schemas.serde.SpecificAvroSerde;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The pipeline's typed topics: each name with its serdes, built once from the registry settings. Immutable; pass it
 * to topologies, never keep serdes in statics.
 *
 * <p>The Avro serde class is a setting ({@code avro.serde.class}) so that Confluent's own {@code SpecificAvroSerde}
 * can replace ours unchanged; it is configured with the same map.
 */
public final class Topics {
  public static final String AVRO_SERDE_CLASS_CONFIG = "avro.serde.class";

  private final TopicNames names;
  private final Topic<byte[], byte[]> inbox;
  private final Topic<String, Article> articles;
  private final Topic<String, EnrichedArticle> enriched;
  private final Topic<String, TrendUpdate> trends;
  private final Topic<String, TopTrends> trendsTop;
  private final Topic<String, CatalogEntity> catalog;
  private final Topic<byte[], byte[]> deadLetters;
  private final Map<String, ?> serdeConfig;

  /**
   * @param serdeConfig serde settings: at least {@code schema.registry.url}; optionally {@code basic.auth.user.info},
   *     {@code avro.serde.class}
   */
  public Topics(TopicNames names, Map<String, ?> serdeConfig) {
    this.names = names;
    this.serdeConfig = Map.copyOf(serdeConfig);
    this.inbox = new Topic<>(names.inbox(), Serdes.ByteArray(), Serdes.ByteArray());
    this.articles = new Topic<>(names.articles(), Serdes.String(), avroSerde());
    this.enriched = new Topic<>(names.enriched(), Serdes.String(), avroSerde());
    this.trends = new Topic<>(names.trends(), Serdes.String(), avroSerde());
    this.trendsTop = new Topic<>(names.trendsTop(), Serdes.String(), avroSerde());
    this.catalog = new Topic<>(names.catalog(), Serdes.String(), avroSerde());
    this.deadLetters = new Topic<>(names.deadLetters(), Serdes.ByteArray(), Serdes.ByteArray());
  }

  public TopicNames names() {
    return names;
  }

  public Topic<byte[], byte[]> inbox() {
    return inbox;
  }

  public Topic<String, Article> articles() {
    return articles;
  }

  public Topic<String, EnrichedArticle> enriched() {
    return enriched;
  }

  public Topic<String, TrendUpdate> trends() {
    return trends;
  }

  public Topic<String, TopTrends> trendsTop() {
    return trendsTop;
  }

  public Topic<String, CatalogEntity> catalog() {
    return catalog;
  }

  public Topic<byte[], byte[]> deadLetters() {
    return deadLetters;
  }

  /** A fresh, configured value serde of the configured Avro serde class, e.g. for a state store. */
  public <T extends SpecificRecord> Serde<T> avroSerde() {
    Object className = serdeConfig.get(AVRO_SERDE_CLASS_CONFIG);
    Serde<T> serde = instantiate(className == null ? SpecificAvroSerde.class.getName() : className.toString());
    serde.configure(serdeConfig, false);
    return serde;
  }

  @SuppressWarnings("unchecked")
  private static <T> Serde<T> instantiate(String className) {
    try {
      return (Serde<T>) Class.forName(className).getDeclaredConstructor().newInstance();
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException(AVRO_SERDE_CLASS_CONFIG + ": class " + className + " is not on the classpath", e);
    } catch (ReflectiveOperationException | ClassCastException e) {
      Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
      throw new IllegalArgumentException(
          AVRO_SERDE_CLASS_CONFIG + ": cannot create a Serde from " + className + ": " + cause, cause);
    }
  }
}
