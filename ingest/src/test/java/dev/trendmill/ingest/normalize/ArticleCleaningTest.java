package dev.trendmill.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trendmill.schemas.avro.Article;
import dev.trendmill.schemas.deadletter.RejectedRecordException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What the parser does to bodies and metadata beyond the JSON: HTML to main text, furniture lines out of plain text,
 * language detected when not given, the inferred-date flag honoured, and a body with nothing left rejected.
 */
final class ArticleCleaningTest {
  private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
  private final ArticleParser parser = new ArticleParser(1 << 20);

  private Article parse(String json) {
    return parser.parse(json.getBytes(StandardCharsets.UTF_8), NOW);
  }

  @Test
  void anHtmlBodyIsReducedToItsParagraphs() {
    Article article =
        parse(
            """
            {"title": "T", "body": "<div class='nav'><a href='/'>Home</a> | <a href='/x'>News</a></div><article><p>First paragraph of the story, with a comma.</p><script>track()</script><p>Second &amp; last paragraph of the story.</p><div class='share'>Share on Twitter</div></article><footer>(c) Example</footer>"}
            """);

    assertThat(article.getBody()).isEqualTo("First paragraph of the story, with a comma.\n\nSecond & last paragraph of the story.");
  }

  @Test
  void plainTextLosesFurnitureLinesButKeepsProseThatMentionsThem() {
    Article article =
        parse(
            """
            {"title": "T", "body": "Share on Facebook | Twitter | Email\\n\\nThe maintainers asked users to subscribe to the security mailing list before upgrading.\\n\\nSign in\\n\\n2 hours ago"}
            """);

    assertThat(article.getBody()).isEqualTo("The maintainers asked users to subscribe to the security mailing list before upgrading.");
  }

  @Test
  void aPlainBodyComesOutAsCleanedStrippedAndCleanedAgainWhetherItLosesLinesOrNot() {
    String[] lines = {
      "The maintainers cut a release with two fixes.", "Sign in", "", "  ", "\t", "Share on Twitter", "two  spaces", "Cafe\u0301 talk",
      "Related articles", "A short headline", "3 hours ago", "Another sentence of the story, which goes on."
    };
    Random random = new Random(5);
    int unchanged = 0;
    for (int n = 0; n < 2_000; n++) {
      StringBuilder body = new StringBuilder();
      for (int i = random.nextInt(8); i >= 0; i--) {
        body.append(lines[random.nextInt(lines.length)]).append(random.nextInt(5) == 0 ? "\r\n" : "\n");
      }
      String clean = TextCleaner.cleanText(body.toString());
      String expected = TextCleaner.cleanText(PageFurniture.strip(clean));
      unchanged += PageFurniture.strip(clean) == clean ? 1 : 0;

      assertThat(ArticleParser.mainText(body.toString())).as("body %s", body).isEqualTo(expected);
    }
    assertThat(unchanged).as("bodies that lost no line (and were cleaned once)").isBetween(200, 1_800);
  }

  @Test
  void aBodyWithNothingLeftAfterCleaningIsRejected() {
    assertThatThrownBy(() -> parse("{\"title\": \"T\", \"body\": \"<nav><a href='/'>Home</a></nav><script>x()</script>\"}"))
        .isInstanceOf(RejectedRecordException.class)
        .extracting(e -> ((RejectedRecordException) e).reason())
        .isEqualTo("empty-after-cleaning");
  }

  @Test
  void theLanguageIsDetectedWhenNotGivenAndNormalizedWhenGiven() {
    assertThat(parse("{\"title\": \"Kubernetes release\", \"body\": \"The new release of Kubernetes brings sidecar containers to general availability and improves the scheduler.\"}").getLanguage())
        .isEqualTo("en");
    assertThat(parse("{\"title\": \"Neue Version\", \"body\": \"Die neue Version von Kubernetes bringt Sidecar-Container und verbessert den Scheduler deutlich.\"}").getLanguage())
        .isEqualTo("de");
    assertThat(parse("{\"title\": \"Nouvelle version\", \"body\": \"La nouvelle version de Kubernetes apporte les conteneurs annexes et améliore nettement l'ordonnanceur.\"}").getLanguage())
        .isEqualTo("fr");
    assertThat(parse("{\"title\": \"T\", \"body\": \"ok\"}").getLanguage()).isNull();
    assertThat(parse("{\"title\": \"T\", \"body\": \"Whatever text\", \"language\": \"en-GB\"}").getLanguage()).isEqualTo("en");
  }

  @Test
  void aGivenDateCanBeFlaggedAsInferred() {
    Article flagged = parse("{\"title\": \"T\", \"body\": \"B\", \"published_at\": \"2025-01-02T03:04:05Z\", \"published_at_inferred\": true}");
    Article plain = parse("{\"title\": \"T\", \"body\": \"B\", \"published_at\": \"2025-01-02T03:04:05Z\"}");

    assertThat(flagged.getPublishedAt()).isEqualTo(Instant.parse("2025-01-02T03:04:05Z"));
    assertThat(flagged.getPublishedAtInferred()).isTrue();
    assertThat(plain.getPublishedAtInferred()).isFalse();
    assertThatThrownBy(() -> parse("{\"title\": \"T\", \"body\": \"B\", \"published_at_inferred\": \"yes\"}"))
        .extracting(e -> ((RejectedRecordException) e).reason())
        .isEqualTo("wrong-type");
  }

  @Test
  void aPlainTextBodyWithAnAngleBracketIsNotTakenForHtml() {
    assertThat(HtmlText.looksLikeHtml("if a < b and c > d then")).isFalse();
    assertThat(parse("{\"title\": \"T\", \"body\": \"if a < b and c > d then\"}").getBody()).isEqualTo("if a < b and c > d then");
  }
}
