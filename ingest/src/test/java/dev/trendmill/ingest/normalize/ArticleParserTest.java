package dev.trendmill.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.trendmill.schemas.avro.Article;
import dev.trendmill.schemas.deadletter.RejectedRecordException;
import dev.trendmill.schemas.registry.InMemorySchemaRegistry;
import dev.trendmill.schemas.serde.SpecificAvroSerde;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The inbox parser on its own: which JSON becomes which {@link Article}, and for every way a record can be unusable,
 * the reason code that ends up in the dead-letter headers. Hostile input (truncated, binary, deeply nested, invalid
 * UTF-8) must always end in an article or a rejection, never in another exception, since anything else would stop
 * the partition.
 */
final class ArticleParserTest {
  private static final Instant INGESTED = Instant.parse("2026-05-01T12:00:00Z");
  private final ArticleParser parser = new ArticleParser(1 << 20);

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private Article parse(String json) {
    return parser.parse(utf8(json), INGESTED);
  }

  private static String reasonOf(Runnable parse) {
    Throwable thrown = catchThrowable(parse::run);
    assertThat(thrown).isInstanceOf(RejectedRecordException.class);
    assertThat(thrown.getMessage()).isNotBlank();
    return ((RejectedRecordException) thrown).reason();
  }

  private String reasonOf(String json) {
    return reasonOf(() -> parse(json));
  }

  @Test
  void aCompleteArticleKeepsEveryField() {
    Article article =
        parse(
            """
            {"id": "feed-42", "url": "https://example.com/a", "title": "Kubernetes 2.0",
             "body": "It shipped.", "published_at": "2026-04-30T08:00:00Z", "source": "Example News",
             "author": "A. Writer", "language": "en", "tags": ["cloud", "k8s"], "unknown": {"ignored": true}}
            """);

    assertThat(article.getId()).isEqualTo("feed-42");
    assertThat(article.getUrl()).isEqualTo("https://example.com/a");
    assertThat(article.getTitle()).isEqualTo("Kubernetes 2.0");
    assertThat(article.getBody()).isEqualTo("It shipped.");
    assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2026-04-30T08:00:00Z"));
    assertThat(article.getPublishedAtInferred()).isFalse();
    assertThat(article.getIngestedAt()).isEqualTo(INGESTED);
    assertThat(article.getSource()).isEqualTo("Example News");
    assertThat(article.getAuthor()).isEqualTo("A. Writer");
    assertThat(article.getLanguage()).isEqualTo("en");
    assertThat(article.getTags()).containsExactly("cloud", "k8s");
    assertThat(article.getDuplicateOf()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"body", "text", "content"})
  void theBodyMayBeCalledBodyTextOrContent(String field) {
    Article article = parse("{\"title\": \"T\", \"" + field + "\": \"The body.\"}");

    assertThat(article.getBody()).isEqualTo("The body.");
  }

  @Test
  void aBlankBodyFieldFallsBackToTheNextName() {
    assertThat(parse("{\"title\": \"T\", \"body\": \"  \", \"text\": \"From text.\"}").getBody()).isEqualTo("From text.");
    assertThat(parse("{\"title\": \"T\", \"body\": null, \"content\": \"From content.\"}").getBody()).isEqualTo("From content.");
  }

  @Test
  void optionalFieldsMayBeAbsentOrNull() {
    Article article =
        parse("{\"title\": \"T\", \"body\": \"B\", \"url\": null, \"source\": null, \"tags\": null, \"author\": null}");

    assertThat(article.getUrl()).isNull();
    assertThat(article.getSource()).isNull();
    assertThat(article.getAuthor()).isNull();
    assertThat(article.getLanguage()).isNull();
    assertThat(article.getTags()).isEmpty();
  }

  static Stream<Arguments> publicationDates() {
    Instant instant = Instant.parse("2026-04-30T06:00:00Z");
    return Stream.of(
        Arguments.of("ISO with offset", "\"2026-04-30T08:00:00+02:00\"", instant),
        Arguments.of("ISO with Z", "\"2026-04-30T06:00:00Z\"", instant),
        Arguments.of("ISO with zone id", "\"2026-04-30T08:00:00+02:00[Europe/Paris]\"", instant),
        Arguments.of("ISO without zone is UTC", "\"2026-04-30T06:00:00\"", instant),
        Arguments.of("ISO without seconds", "\"2026-04-30T06:00\"", instant),
        Arguments.of("date only is midnight UTC", "\"2026-04-30\"", Instant.parse("2026-04-30T00:00:00Z")),
        Arguments.of("RFC 1123", "\"Thu, 30 Apr 2026 06:00:00 GMT\"", instant),
        Arguments.of("RFC 1123 with offset", "\"Thu, 30 Apr 2026 08:00:00 +0200\"", instant),
        Arguments.of("epoch millis number", Long.toString(instant.toEpochMilli()), instant),
        Arguments.of("epoch millis digit string", "\"" + instant.toEpochMilli() + "\"", instant),
        Arguments.of("surrounding spaces", "\"  2026-04-30T06:00:00Z \"", instant));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("publicationDates")
  void publishedAtIsReadInEveryCommonFormat(String format, String json, Instant expected) {
    Article article = parse("{\"title\": \"T\", \"body\": \"B\", \"published_at\": " + json + "}");

    assertThat(article.getPublishedAt()).isEqualTo(expected);
    assertThat(article.getPublishedAtInferred()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"title\": \"T\", \"body\": \"B\"}", "{\"title\": \"T\", \"body\": \"B\", \"published_at\": null}",
      "{\"title\": \"T\", \"body\": \"B\", \"published_at\": \"  \"}"})
  void withoutAPublicationDateTheIngestTimeIsUsedAndFlagged(String json) {
    Article article = parse(json);

    assertThat(article.getPublishedAt()).isEqualTo(INGESTED);
    assertThat(article.getPublishedAtInferred()).isTrue();
  }

  static Stream<Arguments> rejections() {
    return Stream.of(
        Arguments.of("truncated JSON", "{\"title\": \"T\", \"body\": \"B", "not-json"),
        Arguments.of("truncated after a comma", "{\"title\": \"T\",", "not-json"),
        Arguments.of("plain text", "Kubernetes 2.0 released", "not-json"),
        Arguments.of("single quotes", "{'title': 'T', 'body': 'B'}", "not-json"),
        Arguments.of("only whitespace", "  \n ", "not-json"),
        Arguments.of("two objects in one record", "{\"title\": \"A\", \"body\": \"a\"}{\"title\": \"B\", \"body\": \"b\"}", "not-json"),
        Arguments.of("garbage after the object", "{\"title\": \"A\", \"body\": \"a\"} trailing", "not-json"),
        Arguments.of("an array", "[{\"title\": \"T\", \"body\": \"B\"}]", "not-an-object"),
        Arguments.of("a string", "\"title\"", "not-an-object"),
        Arguments.of("a number", "42", "not-an-object"),
        Arguments.of("null", "null", "not-an-object"),
        Arguments.of("a boolean", "true", "not-an-object"),
        Arguments.of("no title", "{\"body\": \"B\"}", "missing-title"),
        Arguments.of("blank title", "{\"title\": \" \\t \", \"body\": \"B\"}", "missing-title"),
        Arguments.of("title of control characters only", "{\"title\": \"\\u0000\\u0007\", \"body\": \"B\"}", "missing-title"),
        Arguments.of("no body", "{\"title\": \"T\"}", "missing-body"),
        Arguments.of("blank body in every field", "{\"title\": \"T\", \"body\": \"\", \"text\": \" \", \"content\": null}", "missing-body"),
        Arguments.of("nothing", "{}", "no-title-no-body"),
        Arguments.of("only a url", "{\"url\": \"https://example.com/x\"}", "no-title-no-body"),
        Arguments.of("numeric title", "{\"title\": 42, \"body\": \"B\"}", "wrong-type"),
        Arguments.of("object body", "{\"title\": \"T\", \"body\": {\"html\": \"<p>B</p>\"}}", "wrong-type"),
        Arguments.of("numeric url", "{\"title\": \"T\", \"body\": \"B\", \"url\": 7}", "wrong-type"),
        Arguments.of("numeric id", "{\"id\": 7, \"title\": \"T\", \"body\": \"B\"}", "wrong-type"),
        Arguments.of("tags not strings", "{\"title\": \"T\", \"body\": \"B\", \"tags\": [\"a\", 1]}", "wrong-type"),
        Arguments.of("tags a string", "{\"title\": \"T\", \"body\": \"B\", \"tags\": \"a,b\"}", "wrong-type"),
        Arguments.of("date in words", "{\"title\": \"T\", \"body\": \"B\", \"published_at\": \"yesterday\"}", "invalid-published-at"),
        Arguments.of("date as boolean", "{\"title\": \"T\", \"body\": \"B\", \"published_at\": true}", "invalid-published-at"),
        Arguments.of("date as fraction", "{\"title\": \"T\", \"body\": \"B\", \"published_at\": 1.7776e12}", "invalid-published-at"),
        Arguments.of("impossible date", "{\"title\": \"T\", \"body\": \"B\", \"published_at\": \"2026-02-30\"}", "invalid-published-at"),
        Arguments.of(
            "epoch millis beyond a long",
            "{\"title\": \"T\", \"body\": \"B\", \"published_at\": 123456789012345678901234567890}",
            "invalid-published-at"),
        Arguments.of(
            "a date no timestamp can hold",
            "{\"title\": \"T\", \"body\": \"B\", \"published_at\": \"+999999999-12-31T00:00:00Z\"}",
            "invalid-published-at"));
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @MethodSource("rejections")
  void unusableRecordsAreRejectedWithTheirReason(String what, String json, String reason) {
    assertThat(reasonOf(json)).isEqualTo(reason);
  }

  @Test
  void anEmptyOrMissingValueIsRejected() {
    assertThat(reasonOf(() -> parser.parse(new byte[0], INGESTED))).isEqualTo("empty");
    assertThat(reasonOf(() -> parser.parse(null, INGESTED))).isEqualTo("empty");
  }

  @Test
  void trailingWhitespaceAfterTheObjectIsFine() {
    assertThat(parse("{\"title\": \"T\", \"body\": \"B\"}\n\r\n  ").getTitle()).isEqualTo("T");
  }

  @Test
  void binaryBytesAreNotJson() {
    byte[] avroLike = {0, 0, 0, 0, 1, 2, 'T', (byte) 0xff, (byte) 0xfe};
    byte[] gzip = {(byte) 0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    assertThat(reasonOf(() -> parser.parse(avroLike, INGESTED))).isEqualTo("not-json");
    assertThat(reasonOf(() -> parser.parse(gzip, INGESTED))).isEqualTo("not-json");
  }

  @Test
  void theBodyLimitCountsUtf8BytesNotCharacters() {
    ArticleParser small = new ArticleParser(10);

    assertThat(small.parse(utf8("{\"title\": \"T\", \"body\": \"0123456789\"}"), INGESTED).getBody()).isEqualTo("0123456789");
    assertThat(reasonOf(() -> small.parse(utf8("{\"title\": \"T\", \"body\": \"0123456789a\"}"), INGESTED)))
        .isEqualTo("body-too-large");
    // Six characters, twelve bytes.
    assertThat(reasonOf(() -> small.parse(utf8("{\"title\": \"T\", \"text\": \"éééééé\"}"), INGESTED)))
        .isEqualTo("body-too-large");
  }

  @Test
  void aBodyLimitAboveOneGibibyteStillAcceptsBodiesOfSomeMegabytes() {
    // ingest.max.body.bytes has no upper bound; a large limit must not turn into a smaller one.
    ArticleParser generous = new ArticleParser(Integer.MAX_VALUE);
    String body = "word ".repeat(500_000).strip(); // 2.5 MB

    assertThat(generous.parse(utf8("{\"title\": \"T\", \"body\": \"" + body + "\"}"), INGESTED).getBody()).hasSize(body.length());
  }

  @Test
  void nestingBeyondTheLimitIsNotJsonButModestNestingIsFine() {
    String modest = "[".repeat(30) + "]".repeat(30);
    String deep = "[".repeat(100) + "]".repeat(100);
    String hostile = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);

    assertThat(parse("{\"title\": \"T\", \"body\": \"B\", \"extra\": " + modest + "}").getTitle()).isEqualTo("T");
    assertThat(reasonOf("{\"title\": \"T\", \"body\": \"B\", \"extra\": " + deep + "}")).isEqualTo("not-json");
    assertThat(reasonOf(hostile)).isEqualTo("not-json");
  }

  @Test
  void invalidUtf8InsideAStringEndsInAnArticleOrANotJsonRejection() {
    byte[][] broken = {
      {(byte) 0xc3, '('}, // a lead byte followed by ASCII
      {(byte) 0x80}, // a lone continuation byte
      {(byte) 0xc0, (byte) 0xaf}, // an overlong '/'
      {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, // an encoded surrogate
      {(byte) 0xf0, (byte) 0x9f}, // a four-byte sequence cut short
      {(byte) 0xff, (byte) 0xfe}, // bytes never valid in UTF-8
    };
    for (byte[] bad : broken) {
      ByteArrayOutputStream json = new ByteArrayOutputStream();
      json.writeBytes(utf8("{\"title\": \"caf"));
      json.writeBytes(bad);
      json.writeBytes(utf8("\", \"body\": \"B\"}"));

      // Jackson rejects most of these; it decodes the overlong '/' and the encoded surrogate leniently.
      Article[] parsed = new Article[1];
      Throwable thrown = catchThrowable(() -> parsed[0] = parser.parse(json.toByteArray(), INGESTED));

      if (thrown == null) {
        assertThat(parsed[0].getTitle()).startsWith("caf");
        assertThat(parsed[0].getBody()).isEqualTo("B");
      } else {
        assertThat(thrown).isInstanceOf(RejectedRecordException.class);
        assertThat(((RejectedRecordException) thrown).reason()).isEqualTo("not-json");
      }
    }
  }

  @Test
  void textIsNormalizedToNfcWithoutControlCharactersAndWithFoldedWhitespace() {
    Article article =
        parse(
            """
            {"title": " Cafe\\u0301\\u0000 news\\t\\u00a0 today\\u200b ",
             "body": "  First   line\\r\\nsecond\\u0007 line  \\n\\n\\n\\n  Next   paragraph. ",
             "author": "Zoe\\u0308\\n Writer", "tags": ["  cloud  native ", "   ", "k8s"]}
            """);

    assertThat(article.getTitle()).isEqualTo("Caf\u00e9 news today");
    assertThat(article.getBody()).isEqualTo("First line\nsecond line\n\nNext paragraph.");
    assertThat(article.getAuthor()).isEqualTo("Zo\u00eb Writer");
    assertThat(article.getTags()).as("blank tags dropped").containsExactly("cloud native", "k8s");
  }

  @Test
  void theUrlIsCanonicalAndTheIdStableAcrossTrackingVariants() {
    Article plain = parse("{\"url\": \"https://example.com/news/k8s\", \"title\": \"T\", \"body\": \"B\"}");
    Article tracked =
        parse(
            "{\"url\": \"https://Example.COM/news/k8s?utm_source=rss&utm_medium=feed&fbclid=abc#comments\","
                + " \"title\": \"Other title\", \"body\": \"Other body\"}");
    Article other = parse("{\"url\": \"https://example.com/news/k8s?page=2\", \"title\": \"T\", \"body\": \"B\"}");

    assertThat(tracked.getUrl()).isEqualTo("https://example.com/news/k8s");
    assertThat(tracked.getId()).isEqualTo(plain.getId());
    assertThat(other.getUrl()).isEqualTo("https://example.com/news/k8s?page=2");
    assertThat(other.getId()).isNotEqualTo(plain.getId());
  }

  @Test
  void withoutUrlTheIdComesFromTheContent() {
    Article first = parse("{\"title\": \"Same story\", \"body\": \"Same   words.\"}");
    Article reformatted = parse("{\"title\": \" Same  story \", \"text\": \"Same words.\\n\"}");
    Article different = parse("{\"title\": \"Same story\", \"body\": \"Other words.\"}");
    Article withUrl = parse("{\"url\": \"https://example.com/s\", \"title\": \"Same story\", \"body\": \"Same words.\"}");

    assertThat(first.getId()).isEqualTo(reformatted.getId()).isNotEqualTo(different.getId()).isNotEqualTo(withUrl.getId());
    assertThat(first.getId()).isEqualTo(ArticleIds.fromContent("Same story", "Same words."));
  }

  @Test
  void aGivenIdWinsAndABlankOneIsDerived() {
    assertThat(parse("{\"id\": \" feed-7 \", \"url\": \"https://example.com/s\", \"title\": \"T\", \"body\": \"B\"}").getId())
        .isEqualTo("feed-7");
    assertThat(parse("{\"id\": \"  \", \"url\": \"https://example.com/s\", \"title\": \"T\", \"body\": \"B\"}").getId())
        .isEqualTo(ArticleIds.fromUrl("https://example.com/s"));
  }

  @Test
  void theParserIsPureTheSameInputGivesTheSameArticle() {
    String json = "{\"title\": \"T\", \"body\": \"B\", \"published_at\": \"2026-04-30\"}";

    assertThat(parse(json)).isEqualTo(parse(json));
  }

  /**
   * Random bytes and randomly damaged articles, with a fixed seed: the parser answers each with an article or a
   * rejection, and every article it returns can be written by the Avro serializer (else the sink would fail).
   */
  @Test
  void arbitraryInputEndsInAnArticleOrARejectionAndArticlesSerialize() {
    String scope = "parser-fuzz-" + UUID.randomUUID();
    SpecificAvroSerde<Article> serde = new SpecificAvroSerde<>();
    serde.configure(Map.of("schema.registry.url", "mock://" + scope), false);
    byte[] valid =
        utf8(
            "{\"id\":\"x\",\"url\":\"https://example.com/a?utm_source=b\",\"title\":\"Caf\u00e9 \\u00e9\","
                + "\"body\":\"Line\\n\\nPara \\ud83d\\ude00\",\"published_at\":\"2026-04-30T08:00:00+02:00\","
                + "\"tags\":[\"a\",\"b\"],\"author\":\"\\ud800\"}");
    Random random = new Random(20260501L);
    int articles = 0;
    int rejections = 0;
    try {
      for (int i = 0; i < 3_000; i++) {
        byte[] input;
        if (i % 3 == 0) {
          input = new byte[random.nextInt(64)];
          random.nextBytes(input);
        } else {
          input = valid.clone();
          for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
            input[random.nextInt(input.length)] = (byte) random.nextInt(256);
          }
        }
        Article article;
        try {
          article = parser.parse(input, INGESTED);
        } catch (RejectedRecordException e) {
          assertThat(e.reason()).isNotBlank();
          rejections++;
          continue;
        } catch (RuntimeException e) {
          fail("input %d (%s) threw %s", i, new String(input, StandardCharsets.ISO_8859_1), e);
          return;
        }
        articles++;
        byte[] bytes = serde.serializer().serialize("articles", article);
        assertThat(serde.deserializer().deserialize("articles", bytes).getId()).isEqualTo(article.getId());
      }
    } finally {
      InMemorySchemaRegistry.dropScope(scope);
    }
    assertThat(articles).as("some damaged articles still parse").isPositive();
    assertThat(rejections).as("most random input is rejected").isPositive();
  }

  @Test
  void theRejectionCarriesTheJsonErrorAsCause() {
    assertThatThrownBy(() -> parse("{\"title\": "))
        .isInstanceOfSatisfying(
            RejectedRecordException.class, e -> assertThat(e.getCause()).isInstanceOf(JsonProcessingException.class))
        .hasMessageStartingWith("Not valid JSON");
  }
}
