package dev.trendmill.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trendmill.schemas.avro.Article;
import dev.trendmill.schemas.avro.CatalogEntity;
import dev.trendmill.schemas.avro.EnrichedArticle;
import dev.trendmill.schemas.avro.EntityMention;
import dev.trendmill.schemas.avro.TopTrends;
import dev.trendmill.schemas.avro.TrendEntry;
import dev.trendmill.schemas.avro.TrendUpdate;
import dev.trendmill.schemas.registry.InMemorySchemaRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Our {@link SpecificAvroSerde} against the in-memory registry ({@code mock://}): every generated record type
 * round-trips, the bytes are Confluent's wire format with the id the registry assigned, tombstones pass, foreign
 * bytes are refused with the topic named, and a record written with an older schema reads into today's class
 * (BACKWARD evolution), which is what lets producers and consumers upgrade independently.
 */
final class SpecificAvroSerdeTest {
  private static final Instant T = Instant.parse("2026-03-01T10:15:30.123Z");

  /** Article as first published: none of the optional fields added since. */
  private static final Schema ARTICLE_V1 =
      new Schema.Parser()
          .parse(
              """
              {"type": "record", "name": "Article", "namespace": "dev.trendmill.schemas.avro", "fields": [
                {"name": "id", "type": "string"},
                {"name": "title", "type": "string"},
                {"name": "body", "type": "string"},
                {"name": "published_at", "type": {"type": "long", "logicalType": "timestamp-millis"}},
                {"name": "ingested_at", "type": {"type": "long", "logicalType": "timestamp-millis"}}
              ]}
              """);

  private String scope;
  private InMemorySchemaRegistry registry;

  @BeforeEach
  void newScope() {
    scope = "serde-test-" + UUID.randomUUID();
    registry = InMemorySchemaRegistry.forScope(scope);
  }

  @AfterEach
  void dropScope() {
    InMemorySchemaRegistry.dropScope(scope);
  }

  private <T extends SpecificRecord> SpecificAvroSerde<T> serde(Map<String, Object> extra) {
    Map<String, Object> config = new HashMap<>(extra);
    config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, "mock://" + scope);
    SpecificAvroSerde<T> serde = new SpecificAvroSerde<>();
    serde.configure(config, false);
    return serde;
  }

  private <T extends SpecificRecord> SpecificAvroSerde<T> serde() {
    return serde(Map.of());
  }

  static Article article() {
    return Article.newBuilder()
        .setId("u-1")
        .setUrl("https://example.com/a")
        .setTitle("Kubernetes 2.0 released")
        .setBody("Ünïcode body.\n\nSecond paragraph.")
        .setPublishedAt(T)
        .setPublishedAtInferred(true)
        .setIngestedAt(T.plusSeconds(60))
        .setSource("example")
        .setAuthor("A. Writer")
        .setLanguage("en")
        .setTags(List.of("cloud", "k8s"))
        .setDuplicateOf("u-0")
        .build();
  }

  private static EnrichedArticle enriched() {
    return EnrichedArticle.newBuilder()
        .setId("u-1")
        .setUrl(null)
        .setTitle("Kubernetes and Envoy")
        .setPublishedAt(T)
        .setIngestedAt(T.plusMillis(1))
        .setSource("example")
        .setLanguage(null)
        .setDuplicateOf(null)
        .setEntities(
            List.of(
                new EntityMention("project:kubernetes", "Kubernetes", "project", 3, 0.75, 1.0),
                new EntityMention("project:envoy", "Envoy", "project", 1, 0.125, 0.5)))
        .setExtractorVersion("rules-1")
        .build();
  }

  private static TrendUpdate trendUpdate() {
    return TrendUpdate.newBuilder()
        .setEntityId("project:kubernetes")
        .setName("Kubernetes")
        .setType("project")
        .setHorizon("24h")
        .setWindowStart(T)
        .setWindowEnd(T.plusSeconds(86_400))
        .setCount(42)
        .setBaseline(3.5)
        .setScore(16.7)
        .setIsFinal(true)
        .setUpdatedAt(T.plusSeconds(5))
        .build();
  }

  private static TrendUpdate allTimeUpdate() {
    return TrendUpdate.newBuilder()
        .setEntityId("project:envoy")
        .setName("Envoy")
        .setType("project")
        .setHorizon("all")
        .setWindowStart(null)
        .setWindowEnd(null)
        .setCount(7)
        .setUpdatedAt(T)
        .build();
  }

  private static TopTrends topTrends() {
    return TopTrends.newBuilder()
        .setHorizon("1h")
        .setEntityType(null)
        .setAsOf(T)
        .setEntries(
            List.of(
                new TrendEntry(1, "project:kubernetes", "Kubernetes", "project", 12L, 4.5),
                new TrendEntry(2, "organization:cncf", "CNCF", "organization", 9L, -0.25)))
        .build();
  }

  private static CatalogEntity catalogEntity() {
    return CatalogEntity.newBuilder()
        .setId("project:kubernetes")
        .setName("Kubernetes")
        .setType("project")
        .setAliases(List.of("k8s", "kube"))
        .setAttributes(Map.of("maturity", "graduated", "homepage", "https://kubernetes.io"))
        .build();
  }

  /** Serializes, checks the wire-format header and the Avro body on their own, then reads back through the serde. */
  private <T extends SpecificRecord> void assertRoundTrip(String topic, T record) throws IOException {
    SpecificAvroSerde<T> serde = serde();

    byte[] bytes = serde.serializer().serialize(topic, record);

    int registeredId = registry.idOf(topic + "-value", record.getSchema());
    assertThat(bytes[0]).as("magic byte").isZero();
    assertThat(Arrays.copyOfRange(bytes, 1, 5))
        .as("schema id, 4 bytes big-endian")
        .containsExactly(ByteBuffer.allocate(4).putInt(registeredId).array());
    assertThat(registry.byId(registeredId)).isEqualTo(record.getSchema());
    // The rest is the plain Avro binary encoding, readable by any Avro library given the schema.
    SpecificDatumReader<T> plainReader =
        new SpecificDatumReader<>(record.getSchema(), record.getSchema(), SpecificData.getForSchema(record.getSchema()));
    assertThat(plainReader.read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null)))
        .isEqualTo(record);

    T back = serde.deserializer().deserialize(topic, bytes);
    assertThat(back).isInstanceOf(record.getClass()).isEqualTo(record);
  }

  @Test
  void everyRecordTypeRoundTripsInTheConfluentWireFormat() throws IOException {
    assertRoundTrip("articles", article());
    assertRoundTrip("articles.enriched", enriched());
    assertRoundTrip("trends", trendUpdate());
    assertRoundTrip("trends", allTimeUpdate());
    assertRoundTrip("trends.top", topTrends());
    assertRoundTrip("entities.catalog", catalogEntity());

    assertThat(registry.subjects())
        .containsExactlyInAnyOrder(
            "articles-value", "articles.enriched-value", "trends-value", "trends.top-value", "entities.catalog-value");
  }

  @Test
  void eachRecordCarriesOnlyItsOwnBytesWhateverItsThreadWroteBefore() throws Exception {
    // The serializer writes into a buffer per thread, reused: nothing of an earlier record may show in a later one.
    SpecificAvroSerde<SpecificRecord> serde = serde();
    Article huge = Article.newBuilder(article()).setBody("x".repeat(300_000)).build();
    byte[] small = serde.serializer().serialize("trends", trendUpdate());
    byte[] big = serde.serializer().serialize("articles", huge);

    assertThat(serde.serializer().serialize("trends", trendUpdate())).isEqualTo(small);
    assertThat(serde.deserializer().deserialize("articles", big)).isEqualTo(huge);
    assertThat(serde.serializer().serialize("articles", huge)).isEqualTo(big);

    // Kafka Streams shares one serializer among its stream threads: four threads at once, each writing two records
    // in turn, must each get their own bytes.
    byte[] other = serde.serializer().serialize("trends.top", topTrends());
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> mismatches = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        boolean smallFirst = t % 2 == 0;
        mismatches.add(
            threads.submit(
                () -> {
                  int wrong = 0;
                  for (int i = 0; i < 20_000; i++) {
                    boolean writeSmall = (i % 2 == 0) == smallFirst;
                    byte[] bytes = writeSmall ? serde.serializer().serialize("trends", trendUpdate()) : serde.serializer().serialize("trends.top", topTrends());
                    wrong += Arrays.equals(bytes, writeSmall ? small : other) ? 0 : 1;
                  }
                  return wrong;
                }));
      }
      for (Future<Integer> wrong : mismatches) {
        assertThat(wrong.get(1, TimeUnit.MINUTES)).as("records written with another record's bytes").isZero();
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void aRecordThatFailsHalfWayLeavesNothingInTheNextOne() {
    SpecificAvroSerde<SpecificRecord> serde = serde();
    byte[] good = serde.serializer().serialize("trends", trendUpdate());
    TrendUpdate broken = trendUpdate();
    broken.put("updated_at", null); // the last field: every other one is encoded before it fails

    assertThatThrownBy(() -> serde.serializer().serialize("trends", broken)).isInstanceOf(SerializationException.class);
    assertThat(serde.serializer().serialize("trends", trendUpdate())).isEqualTo(good);
  }

  @Test
  void differentSchemasGetDifferentIdsAndTheSameSchemaKeepsItsId() {
    SpecificAvroSerde<SpecificRecord> serde = serde();
    byte[] first = serde.serializer().serialize("articles", article());
    byte[] again = serde.serializer().serialize("articles", article());
    byte[] other = serde.serializer().serialize("entities.catalog", catalogEntity());

    assertThat(Arrays.copyOfRange(again, 0, 5)).isEqualTo(Arrays.copyOfRange(first, 0, 5));
    assertThat(ByteBuffer.wrap(other, 1, 4).getInt()).isNotEqualTo(ByteBuffer.wrap(first, 1, 4).getInt());
  }

  @Test
  void recordsOfTwoSchemasAlternatingOnOneTopicEachKeepTheirOwnId() {
    // The serializer remembers the schema last written per topic; a different one must not reuse its id.
    AvroSerializer<GenericRecord> serializer = new AvroSerializer<>();
    serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, "mock://" + scope), false);
    GenericRecord old = new GenericData.Record(ARTICLE_V1);
    old.put("id", "h-old");
    old.put("title", "t");
    old.put("body", "b");
    old.put("published_at", T.toEpochMilli());
    old.put("ingested_at", T.toEpochMilli());
    GenericRecord current = new GenericData.Record(Article.getClassSchema());
    Article.getClassSchema().getFields().forEach(f -> current.put(f.name(), article().get(f.name())));

    byte[] first = serializer.serialize("articles", old);
    byte[] second = serializer.serialize("articles", current);
    byte[] third = serializer.serialize("articles", old);

    int oldId = ByteBuffer.wrap(first, 1, 4).getInt();
    assertThat(ByteBuffer.wrap(second, 1, 4).getInt()).isNotEqualTo(oldId).isEqualTo(registry.register("articles-value", Article.getClassSchema()));
    assertThat(ByteBuffer.wrap(third, 1, 4).getInt()).isEqualTo(oldId).isEqualTo(registry.register("articles-value", ARTICLE_V1));
    assertThat(third).isEqualTo(first);
  }

  @Test
  void aKeySerdeUsesTheKeySubject() {
    SpecificAvroSerde<CatalogEntity> keySerde = new SpecificAvroSerde<>();
    keySerde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, "mock://" + scope), true);

    byte[] bytes = keySerde.serializer().serialize("entities.catalog", catalogEntity());

    assertThat(registry.subjects()).containsExactly("entities.catalog-key");
    assertThat(keySerde.deserializer().deserialize("entities.catalog", bytes)).isEqualTo(catalogEntity());
  }

  @Test
  void nullIsWrittenAndReadAsNullSoTombstonesPass() {
    SpecificAvroSerde<CatalogEntity> serde = serde();

    assertThat(serde.serializer().serialize("entities.catalog", null)).isNull();
    assertThat(serde.deserializer().deserialize("entities.catalog", null)).isNull();
    assertThat(registry.subjects()).isEmpty();
  }

  @Test
  void bytesWithoutTheMagicByteAreRefusedNamingTheTopic() {
    SpecificAvroSerde<Article> serde = serde();
    byte[] json = "{\"title\":\"not avro\"}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> serde.deserializer().deserialize("articles", json))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("articles")
        .hasMessageContaining("wire format");
    assertThatThrownBy(() -> serde.deserializer().deserialize("articles", new byte[] {0, 0, 1}))
        .as("shorter than the 5-byte header")
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("articles");
  }

  @Test
  void anUnknownSchemaIdIsRefusedNamingTheIdAndTopic() {
    SpecificAvroSerde<Article> serde = serde();
    byte[] bytes = serde.serializer().serialize("articles", article());
    ByteBuffer.wrap(bytes).putInt(1, 9_999);

    assertThatThrownBy(() -> serde.deserializer().deserialize("articles", bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("9999")
        .hasMessageContaining("articles");
  }

  @Test
  void aTruncatedAvroBodyIsASerializationException() {
    SpecificAvroSerde<Article> serde = serde();
    byte[] bytes = serde.serializer().serialize("articles", article());

    assertThatThrownBy(() -> serde.deserializer().deserialize("articles", Arrays.copyOf(bytes, 12)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("articles");
  }

  @Test
  void firstRegistrationSetsTheSubjectToBackwardCompatibility() {
    SpecificAvroSerde<Article> serde = serde();
    assertThat(registry.compatibility("articles-value")).isNull();

    serde.serializer().serialize("articles", article());

    assertThat(registry.compatibility("articles-value")).isEqualTo("BACKWARD");
    assertThat(registry.compatibility("trends-value")).as("untouched subjects").isNull();
  }

  @Test
  void theCompatibilityLevelSetIsConfigurable() {
    SpecificAvroSerde<Article> serde = serde(Map.of(AvroSerdeConfig.SUBJECT_COMPATIBILITY_CONFIG, "FULL_TRANSITIVE"));

    serde.serializer().serialize("articles", article());

    assertThat(registry.compatibility("articles-value")).isEqualTo("FULL_TRANSITIVE");
  }

  @Test
  void withoutAutoRegisterAnUnregisteredSchemaFailsClearly() {
    SpecificAvroSerde<Article> serde = serde(Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS_CONFIG, "false"));

    assertThatThrownBy(() -> serde.serializer().serialize("articles", article()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("articles-value")
        .hasMessageContaining("not registered")
        .hasMessageContaining(Article.getClassSchema().getFullName());
    assertThat(registry.subjects()).as("nothing registered behind our back").isEmpty();
    assertThat(registry.compatibility("articles-value")).isNull();
  }

  @Test
  void withoutAutoRegisterAPreRegisteredSchemaIsUsedWithItsId() {
    registry.register("unrelated-value", ARTICLE_V1); // so the id below is not 1 by accident
    int id = registry.register("articles-value", Article.getClassSchema());
    SpecificAvroSerde<Article> serde = serde(Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS_CONFIG, false));

    byte[] bytes = serde.serializer().serialize("articles", article());

    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id).isNotEqualTo(1);
    assertThat(serde.deserializer().deserialize("articles", bytes)).isEqualTo(article());
  }

  @Test
  void aRecordWrittenWithAnOlderSchemaReadsIntoTheCurrentClassWithDefaults() throws IOException {
    int oldId = registry.register("articles-value", ARTICLE_V1);
    GenericRecord old = new GenericData.Record(ARTICLE_V1);
    old.put("id", "h-old");
    old.put("title", "Written by an old producer");
    old.put("body", "Before url, tags and the rest existed.");
    old.put("published_at", T.toEpochMilli());
    old.put("ingested_at", T.plusSeconds(1).toEpochMilli());
    byte[] wire = wireFormat(oldId, ARTICLE_V1, old);
    SpecificAvroSerde<Article> serde = serde();

    Article read = serde.deserializer().deserialize("articles", wire);

    assertThat(read).isInstanceOf(Article.class);
    assertThat(read.getId()).isEqualTo("h-old");
    assertThat(read.getTitle()).isEqualTo("Written by an old producer");
    assertThat(read.getBody()).isEqualTo("Before url, tags and the rest existed.");
    assertThat(read.getPublishedAt()).isEqualTo(T);
    assertThat(read.getIngestedAt()).isEqualTo(T.plusSeconds(1));
    assertThat(read.getUrl()).isNull();
    assertThat(read.getPublishedAtInferred()).isFalse();
    assertThat(read.getSource()).isNull();
    assertThat(read.getAuthor()).isNull();
    assertThat(read.getLanguage()).isNull();
    assertThat(read.getTags()).isEmpty();
    assertThat(read.getDuplicateOf()).isNull();

    // The same deserializer still reads records of the current schema, by their own id.
    byte[] current = serde.serializer().serialize("articles", article());
    assertThat(ByteBuffer.wrap(current, 1, 4).getInt()).isNotEqualTo(oldId);
    assertThat(serde.deserializer().deserialize("articles", current)).isEqualTo(article());
  }

  /** Confluent's wire format written by hand, independent of the serializer under test. */
  private static byte[] wireFormat(int id, Schema schema, GenericRecord record) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0);
    out.write(ByteBuffer.allocate(4).putInt(id).array());
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }
}
