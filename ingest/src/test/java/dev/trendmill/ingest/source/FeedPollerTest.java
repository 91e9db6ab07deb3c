package dev.trendmill.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.trendmill.ingest.normalize.ArticleParser;
import dev.trendmill.schemas.avro.Article;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The feed poller against feeds served by a local HTTP server that honours conditional GET: entries become inbox
 * JSON the parser accepts, an unchanged feed costs a 304, and entries already sent are not sent again when the feed
 * changes.
 */
final class FeedPollerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final AtomicReference<String> rss = new AtomicReference<>();
  private final AtomicReference<String> etag = new AtomicReference<>("\"v1\"");
  private final List<String> conditionalHeaders = new CopyOnWriteArrayList<>();
  private final List<byte[]> inbox = new ArrayList<>();
  private HttpServer server;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/rss.xml",
        exchange -> {
          try (exchange) {
            String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            conditionalHeaders.add(String.valueOf(ifNoneMatch));
            if (etag.get().equals(ifNoneMatch)) {
              exchange.sendResponseHeaders(304, -1);
              return;
            }
            byte[] body = rss.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
            exchange.getResponseHeaders().set("ETag", etag.get());
            exchange.getResponseHeaders().set("Last-Modified", "Wed, 01 Jan 2025 00:00:00 GMT");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
          }
        });
    server.createContext(
        "/atom.xml",
        exchange -> {
          try (exchange) {
            byte[] body = ATOM.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  private static String rss(String... items) {
    return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Cloud Feed</title><link>https://feed.example/</link><description>d</description>"
        + String.join("", items) + "</channel></rss>";
  }

  private static String item(int n) {
    return "<item><title>Story " + n + "</title><link>https://feed.example/story/" + n + "?utm_source=rss</link><guid>story-" + n + "</guid>"
        + "<pubDate>Tue, 03 Mar 2021 09:0" + n + ":00 GMT</pubDate><category>kubernetes</category>"
        + "<description><![CDATA[<p>Paragraph one of story " + n + ", with <a href='#'>a link</a>.</p><p>Paragraph two.</p>]]></description></item>";
  }

  private static final String ATOM =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Atom Blog</title><id>urn:blog</id><updated>2024-05-01T10:00:00Z</updated>"
          + "<entry><title>Atom entry</title><id>urn:entry:1</id><link href=\"https://atom.example/1\"/><updated>2024-05-01T10:00:00Z</updated><published>2024-04-30T08:00:00Z</published>"
          + "<author><name>Ada</name></author><content type=\"html\">&lt;p&gt;Full content of the atom entry.&lt;/p&gt;</content></entry></feed>";

  @Test
  void newEntriesAreSentOnceAndAnUnchangedFeedIsA304() throws Exception {
    FeedPoller poller = new FeedPoller(List.of(url("/rss.xml")), HttpClient.newHttpClient(), inbox::addAll);
    rss.set(rss(item(1), item(2)));

    FeedPoller.Poll first = poller.poll(url("/rss.xml"));
    FeedPoller.Poll unchanged = poller.poll(url("/rss.xml"));
    rss.set(rss(item(3), item(1), item(2)));
    etag.set("\"v2\"");
    FeedPoller.Poll changed = poller.poll(url("/rss.xml"));

    assertThat(first).isEqualTo(new FeedPoller.Poll(url("/rss.xml"), 200, 2, 2));
    assertThat(unchanged.status()).isEqualTo(304);
    assertThat(changed).isEqualTo(new FeedPoller.Poll(url("/rss.xml"), 200, 3, 1));
    assertThat(conditionalHeaders).containsExactly("null", "\"v1\"", "\"v1\"");
    List<Article> articles = new ArrayList<>();
    for (byte[] record : inbox) {
      articles.add(new ArticleParser(1 << 20).parse(record, Instant.parse("2026-01-01T00:00:00Z")));
    }
    assertThat(articles).extracting(Article::getTitle).containsExactly("Story 1", "Story 2", "Story 3");
    Article story1 = articles.getFirst();
    assertThat(story1.getUrl()).isEqualTo("https://feed.example/story/1");
    assertThat(story1.getPublishedAt()).isEqualTo(Instant.parse("2021-03-03T09:01:00Z"));
    assertThat(story1.getBody()).isEqualTo("Paragraph one of story 1, with a link.\n\nParagraph two.");
    assertThat(story1.getSource()).isEqualTo("Cloud Feed");
    assertThat(story1.getTags()).containsExactly("kubernetes");
  }

  @Test
  void anAtomEntryUsesItsFullContentAndAuthor() throws Exception {
    FeedPoller poller = new FeedPoller(List.of(url("/atom.xml")), HttpClient.newHttpClient(), inbox::addAll);

    assertThat(poller.pollAll()).extracting(FeedPoller.Poll::sent).containsExactly(1);
    JsonNode entry = JSON.readTree(inbox.getFirst());
    assertThat(entry.path("title").asText()).isEqualTo("Atom entry");
    assertThat(entry.path("author").asText()).isEqualTo("Ada");
    assertThat(entry.path("published_at").asText()).isEqualTo("2024-04-30T08:00:00Z");
    assertThat(entry.path("body").asText()).contains("Full content of the atom entry.");
  }

  @Test
  void aFailingSinkLeavesEntriesUnseenSoTheNextPollRetries() throws Exception {
    rss.set(rss(item(1)));
    List<Integer> attempts = new ArrayList<>();
    FeedPoller poller =
        new FeedPoller(
            List.of(url("/rss.xml")),
            HttpClient.newHttpClient(),
            records -> {
              attempts.add(records.size());
              if (attempts.size() == 1) {
                throw new IllegalStateException("broker down");
              }
            });

    assertThat(poller.pollAll()).extracting(FeedPoller.Poll::status).containsExactly(-1);
    assertThat(poller.pollAll()).extracting(FeedPoller.Poll::sent).containsExactly(1);
    assertThat(attempts).containsExactly(1, 1);
  }

  @Test
  void anUnreachableOrBrokenFeedIsReportedNotThrown() {
    rss.set("<rss><channel><item><title>broken");
    FeedPoller poller = new FeedPoller(List.of(url("/rss.xml"), url("/missing.xml")), HttpClient.newHttpClient(), inbox::addAll);

    assertThat(poller.pollAll()).extracting(FeedPoller.Poll::status).containsExactly(-1, -1);
    assertThat(inbox).isEmpty();
  }
}
