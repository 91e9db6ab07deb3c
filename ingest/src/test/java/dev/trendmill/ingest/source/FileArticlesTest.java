package dev.trendmill.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trendmill.ingest.normalize.ArticleParser;
import dev.trendmill.schemas.avro.Article;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scraped pages as articles: the messy pages under {@code src/test/resources/messy} (navigation, cookie banners,
 * share buttons, related-article lists, bylines with dates in many shapes) come out with clean titles, dates and
 * bodies, and the inbox JSON they become is accepted by the parser the topology runs.
 */
final class FileArticlesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  private static Path messy(String name) throws URISyntaxException {
    return Path.of(FileArticlesTest.class.getResource("/messy/" + name).toURI());
  }

  @Test
  void aScrapedHtmlPageGivesTitleBylineDateAndOnlyTheArticlesParagraphs() throws Exception {
    FileArticles.FileArticle page = FileArticles.read(messy("kubecon-recap.html")).article();

    assertThat(page.title()).isEqualTo("KubeCon EU wrap-up: platform teams take the stage");
    assertThat(page.publishedAt()).isEqualTo(Instant.parse("2021-03-03T14:15:00Z")); // 09:15 EST
    assertThat(page.publishedAtInferred()).isFalse();
    assertThat(page.author()).isEqualTo("Maria Jensen");
    assertThat(page.body())
        .startsWith("Platform engineering was the phrase of the week in Amsterdam")
        .contains("Argo CD handling delivery", "Security moves left, again", "Sigstore signing")
        .endsWith("announced on the final day.")
        .doesNotContain("cookies", "Sign in", "Subscribe", "Share on", "Tweet", "Related articles", "Argo CD 2.0 lands", "hours ago", "Most read", "Terms", "All rights reserved", "newsletter", "Maria Jensen", "dataLayer");
    assertThat(page.body().split("\n\n")).hasSize(6);
  }

  @Test
  void aScrapedTextPageLosesItsNavigationShareButtonsAndRelatedHeadlines() throws Exception {
    FileArticles.FileArticle page = FileArticles.read(messy("argo-rollouts.txt")).article();

    assertThat(page.title()).isEqualTo("Argo Rollouts adds traffic mirroring for canary releases");
    assertThat(page.publishedAt()).isEqualTo(Instant.parse("2020-09-09T00:00:00Z"));
    assertThat(page.publishedAtInferred()).isFalse();
    assertThat(page.author()).isEqualTo("Tom Akers");
    assertThat(page.body())
        .startsWith("The Argo project has released a new version of Argo Rollouts")
        .endsWith("a failed analysis can pause instead of aborting.")
        .doesNotContain("Home |", "Skip to content", "Share on", "Advertisement", "Related articles", "Flux and Argo", "hours ago", "Keptn", "Subscribe", "Log in", "©", "Tom Akers");
    assertThat(page.body().split("\n\n")).hasSize(4);
  }

  @Test
  void markdownGivesItsHeadingAsTitleAndItsTextWithoutMarkup() throws Exception {
    FileArticles.FileArticle page = FileArticles.read(messy("otel-collector.md")).article();

    assertThat(page.title()).isEqualTo("OpenTelemetry Collector reaches 1.0 for tracing");
    assertThat(page.publishedAt()).isEqualTo(Instant.parse("2023-02-14T09:30:00Z")); // 10:30 CET
    assertThat(page.body())
        .startsWith("The OpenTelemetry project has declared")
        .contains("according to the project roadmap.")
        .doesNotContain("**", "](", "![", "Share this article", "Twitter |", "Priya Raman");
  }

  @Test
  void withoutADateThePageGetsTheFileTimeFlaggedAsInferred() throws Exception {
    Path copy = temp.resolve("notes.txt");
    Files.copy(messy("nested/no-date-notes.txt"), copy);
    Instant fileTime = Instant.parse("2024-06-01T08:00:00Z");
    Files.setLastModifiedTime(copy, FileTime.from(fileTime));

    FileArticles.FileArticle page = FileArticles.read(copy).article();

    assertThat(page.title()).isEqualTo("Notes from the Dapr community call");
    assertThat(page.publishedAt()).isEqualTo(fileTime);
    assertThat(page.publishedAtInferred()).isTrue();
    assertThat(page.body()).startsWith("The Dapr maintainers walked through").endsWith("after a sidecar restart.");
  }

  @Test
  void aPageWithNothingButFurnitureIsSkippedWithAReason() throws Exception {
    FileArticles.Result result = FileArticles.read(messy("nested/only-furniture.html"));

    assertThat(result.article()).isNull();
    assertThat(result.skipped()).isNotBlank();
  }

  @Test
  void theInboxJsonCarriesTheInferredFlagAndIsAcceptedByTheParser() throws Exception {
    Path file = temp.resolve("plain.txt");
    Files.writeString(file, "A title\n\nA body without any date in it, long enough to say something.\n", StandardCharsets.UTF_8);
    Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2025-01-02T03:04:05Z")));

    byte[] json = FileArticles.read(file).article().toJson();
    JsonNode node = JSON.readTree(json);
    Article article = new ArticleParser(1 << 20).parse(json, Instant.parse("2026-01-01T00:00:00Z"));

    assertThat(node.path("published_at_inferred").asBoolean()).isTrue();
    assertThat(article.getTitle()).isEqualTo("A title");
    assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2025-01-02T03:04:05Z"));
    assertThat(article.getPublishedAtInferred()).isTrue();
  }

  @Test
  void invalidUtf8IsReplacedNotFatal() throws Exception {
    Path file = temp.resolve("latin1.txt");
    Files.write(file, "Caf\u00e9 news\n\nThe caf\u00e9 opened on March 3 2021.\n".getBytes(StandardCharsets.ISO_8859_1));

    FileArticles.FileArticle page = FileArticles.read(file).article();

    assertThat(page.title()).isEqualTo("Caf\uFFFD news");
    assertThat(page.body()).contains("opened on");
  }

  @Test
  void aPageWhoseTitleIsTheSitesNameGivesItsHeadlineAndTheBylineUnderIt() {
    String html =
        "<html><head><title>Blog | Northwind</title></head><body><div class=\"site-nav\"><a>Northwind</a> <a>Docs</a></div><div class=\"post\">"
            + "<p><a href=\"/blog\">Back to the blog</a></p><span>ENGINEERING</span><h1>Scaling the control plane</h1>"
            + "<div><p>Written by</p><p>Jane Doe</p></div><p>Published on March 3, 2021</p><div class=\"text\">"
            + "<p>The control plane now serves ten thousand tenants, after a year of work on its storage and its schedulers.</p>"
            + "<p>What broke first was the watch cache, which held every object of every tenant in memory.</p></div></div></body></html>";

    FileArticles.FileArticle page = FileArticles.fromHtml(html, Instant.parse("2030-01-01T00:00:00Z")).article();

    assertThat(page.title()).isEqualTo("Scaling the control plane");
    assertThat(page.publishedAt()).isEqualTo(Instant.parse("2021-03-03T00:00:00Z"));
    assertThat(page.author()).isEqualTo("Jane Doe");
    assertThat(page.body()).startsWith("The control plane now serves").doesNotContain("Written by", "Jane Doe", "Published on", "ENGINEERING");
  }

  @Test
  void theSitesNameInAHeaderHeadingIsNotTheTitle() {
    String html =
        "<html><head><title>DevDays Berlin – Blog</title></head><body><header><h1 class=\"brand\">DevDays Berlin</h1></header>"
            + "<div class=\"content\"><h2>What we learned this year</h2><p>12.05.2021</p>"
            + "<div><p>Two days of talks about build pipelines, on-call and the cost of flaky tests, with more open spaces than ever.</p></div></div></body></html>";

    FileArticles.FileArticle page = FileArticles.fromHtml(html, Instant.parse("2030-01-01T00:00:00Z")).article();

    assertThat(page.title()).isEqualTo("What we learned this year");
    assertThat(page.publishedAt()).isEqualTo(Instant.parse("2021-05-12T00:00:00Z"));
  }

  @Test
  void textCopiedOutOfABrowserLosesTheSitesHeadAndTail() {
    String text =
        String.join(
            "\n", "Sign in", "THE DAILY STACK", "News", "Cloud", "OBSERVABILITY", "Tracing goes mainstream at last", "", "by", "Jane Doe",
            "UPDATED 09:15 EST / MARCH 3 2021", "", "Share Facebook Twitter Email", "",
            "Tracing was once the preserve of a few large companies, and it is now a feature that every observability vendor ships on day one.",
            "", "That is the finding of a survey published this week.", "", "Related stories", "Five takeaways from the survey 3 hours ago",
            "Trending", "The quiet rise of eBPF", "Get the day's top stories in your inbox.", "Sign up", "About us", "Careers",
            "© 2024 The Daily Stack. All rights reserved.");

    FileArticles.FileArticle page = FileArticles.fromText(text, Instant.parse("2030-01-01T00:00:00Z"), false).article();

    assertThat(page.title()).isEqualTo("Tracing goes mainstream at last");
    assertThat(page.publishedAt()).isEqualTo(Instant.parse("2021-03-03T14:15:00Z"));
    assertThat(page.publishedAtInferred()).isFalse();
    assertThat(page.author()).isEqualTo("Jane Doe");
    assertThat(page.body()).startsWith("Tracing was once the preserve").endsWith("published this week.");
  }

  @Test
  void inlineElementsKeepTheSpacesAtTheirEdges() {
    String html =
        "<html><head><title>Notes</title></head><body><h1>Clocks, again</h1><div class=\"entry-meta\"><span>Posted on <time>March 3, 2021</time></span>"
            + "<span class=\"byline\"> by <span class=\"author\"><a href=\"/a/\">Jane Doe, John Roe (Acme), Ann Lee (Initech), Bo Park (Contoso), Cy Young</a></span></span></div>"
            + "<div class=\"entry-content\"><p>Time in distributed systems is a story of partial orders, and of the bugs we find when we forget it.</p></div></body></html>";

    FileArticles.FileArticle page = FileArticles.fromHtml(html, Instant.parse("2030-01-01T00:00:00Z")).article();

    assertThat(page.author()).isEqualTo("Jane Doe, John Roe (Acme), Ann Lee (Initech), Bo Park (Contoso), Cy Young");
    assertThat(page.publishedAt()).isEqualTo(Instant.parse("2021-03-03T00:00:00Z"));
  }
}
