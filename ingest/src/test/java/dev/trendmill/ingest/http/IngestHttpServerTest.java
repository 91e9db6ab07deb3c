package dev.trendmill.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trendmill.ingest.normalize.ArticleIds;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ingest HTTP endpoint on a free port with a list as the inbox: objects, arrays and JSON lines are accepted
 * with their ids, a request with a bad item is refused whole with the reason per item, a too-large request is 413,
 * and health follows the stream's state.
 */
final class IngestHttpServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<byte[]> inbox = new CopyOnWriteArrayList<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final HttpClient client = HttpClient.newHttpClient();
  private IngestHttpServer server;

  @BeforeEach
  void start() throws Exception {
    server = new IngestHttpServer("127.0.0.1", 0, 4096, 1024, inbox::addAll, running::get, () -> "trendmill_ingest_duplicates_suppressed_total 0\n").start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> post(String body) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/articles"))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void oneObjectIsAcceptedWithItsId() throws Exception {
    HttpResponse<String> response = post("{\"url\": \"https://example.com/a\", \"title\": \"A\", \"body\": \"Body.\"}");

    assertThat(response.statusCode()).isEqualTo(202);
    JsonNode answer = JSON.readTree(response.body());
    assertThat(answer.path("ids").get(0).asText()).isEqualTo(ArticleIds.fromUrl("https://example.com/a"));
    assertThat(inbox).hasSize(1);
    assertThat(JSON.readTree(inbox.getFirst()).path("title").asText()).isEqualTo("A");
  }

  @Test
  void anArrayAndJsonLinesAreAcceptedItemByItem() throws Exception {
    assertThat(post("[{\"title\": \"A\", \"body\": \"a\"}, {\"title\": \"B\", \"text\": \"b\"}]").statusCode()).isEqualTo(202);
    HttpResponse<String> lines = post("{\"title\": \"C\", \"body\": \"c\"}\n\n{\"title\": \"D\", \"content\": \"d\"}\n");

    assertThat(lines.statusCode()).isEqualTo(202);
    assertThat(JSON.readTree(lines.body()).path("accepted").asInt()).isEqualTo(2);
    assertThat(inbox).extracting(bytes -> JSON.readTree(bytes).path("title").asText()).containsExactly("A", "B", "C", "D");
  }

  @Test
  void aRequestWithBadItemsIsRefusedWholeWithTheReasonPerItem() throws Exception {
    HttpResponse<String> response =
        post("[{\"title\": \"Good\", \"body\": \"fine\"}, {\"body\": \"no title\"}, {\"title\": \"Big\", \"body\": \"" + "x".repeat(2000) + "\"}]");

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode errors = JSON.readTree(response.body()).path("errors");
    assertThat(errors).hasSize(2);
    assertThat(errors.get(0).path("index").asInt()).isEqualTo(1);
    assertThat(errors.get(0).path("reason").asText()).isEqualTo("missing-title");
    assertThat(errors.get(1).path("index").asInt()).isEqualTo(2);
    assertThat(errors.get(1).path("reason").asText()).isEqualTo("body-too-large");
    assertThat(inbox).isEmpty();
    assertThat(post("not json at all").statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(post("not json at all").body()).path("errors").get(0).path("reason").asText()).isEqualTo("not-json");
  }

  @Test
  void aRequestOverTheLimitIs413() throws Exception {
    HttpResponse<String> response = post("{\"title\": \"T\", \"body\": \"" + "y".repeat(5000) + "\"}");

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(inbox).isEmpty();
  }

  @Test
  void healthFollowsTheStreamAndMetricsAreText() throws Exception {
    assertThat(get("/health").statusCode()).isEqualTo(200);
    running.set(false);
    assertThat(get("/health").statusCode()).isEqualTo(503);
    assertThat(get("/metrics").body()).contains("trendmill_ingest_duplicates_suppressed_total");
    assertThat(get("/articles").statusCode()).isEqualTo(405);
  }

  @Test
  void anInboxThatFailsIs503AndNothingIsClaimed() throws Exception {
    server.close();
    server = new IngestHttpServer("127.0.0.1", 0, 4096, 1024, records -> { throw new IllegalStateException("broker down"); }, running::get, () -> "").start();

    HttpResponse<String> response = post("{\"title\": \"A\", \"body\": \"a\"}");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).contains("broker down").doesNotContain("\"ids\"");
    assertThat(new String(response.body().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).contains("inbox-unavailable");
  }
}
