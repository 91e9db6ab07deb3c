package dev.trendmill.compose.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trendmill.compose.TrendmillCommand;
import dev.trendmill.compose.embedded.LocalStack;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The view's HTTP contract on the embedded stack, after the samples went through: leaderboards by horizon and type,
 * entity details, series, search, past moments, and a 400 or 404 with a reason for bad requests. Also the CLI's
 * {@code trends} and {@code entity} commands against it.
 */
@ExtendWith(EmbeddedStackExtension.class)
class ViewApiIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static String view;

  @BeforeAll
  static void samplesAreThrough(LocalStack stack) throws Exception {
    view = stack.settings().viewUrl();
    PipelineScenario.samplesOnce(PipelineScenario.Endpoints.of(stack));
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(view + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode ok(String path) throws Exception {
    HttpResponse<String> response = get(path);
    assertThat(response.statusCode()).as(path + " -> " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static void rejected(String path, int status, String reasonContains) throws Exception {
    HttpResponse<String> response = get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(status);
    assertThat(JSON.readTree(response.body()).path("error").asText()).containsIgnoringCase(reasonContains);
  }

  @Test
  void knowsItsHorizons() throws Exception {
    assertThat(ok("/api/horizons")).extracting(JsonNode::asText).containsExactly("all", "1h", "24h", "7d");
  }

  @Test
  void leaderboardsFilterByTypeAndRankInOrder() throws Exception {
    JsonNode projects = ok("/api/trends?horizon=all&type=project&limit=15").path("trends");
    assertThat(projects.size()).isEqualTo(15);
    List<Long> counts = new ArrayList<>();
    for (int i = 0; i < projects.size(); i++) {
      assertThat(projects.get(i).path("type").asText()).isEqualTo("project");
      assertThat(projects.get(i).path("rank").asInt()).isEqualTo(i + 1);
      counts.add(projects.get(i).path("count").asLong());
    }
    assertThat(counts).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    // The type filter keeps the projects of the unfiltered board, in its order.
    List<String> projectIdsOfAll = new ArrayList<>();
    ok("/api/trends?horizon=all&limit=1000").path("trends").forEach(row -> {
      if (row.path("type").asText().equals("project")) {
        projectIdsOfAll.add(row.path("id").asText());
      }
    });
    List<String> projectIds = new ArrayList<>();
    projects.forEach(row -> projectIds.add(row.path("id").asText()));
    assertThat(projectIds).isEqualTo(projectIdsOfAll.subList(0, projects.size()));

    JsonNode week = ok("/api/trends?horizon=7d&limit=50");
    assertThat(week.path("window_end").asText()).isNotBlank();
    List<Double> scores = new ArrayList<>();
    week.path("trends").forEach(row -> scores.add(row.path("score").asDouble()));
    assertThat(scores).isNotEmpty().isSortedAccordingTo((a, b) -> Double.compare(b, a));
  }

  @Test
  void aPastMomentBeforeAnyArticleHasAnEmptyBoard() throws Exception {
    assertThat(ok("/api/trends?horizon=24h&at=2020-01-01T00:00:00Z").path("trends")).isEmpty();
  }

  @Test
  void entityDetailsHoldCountsPerHorizonAndLatestArticles() throws Exception {
    JsonNode kubernetes = ok("/api/entities/project:kubernetes");
    assertThat(kubernetes.path("name").asText()).isEqualTo("Kubernetes");
    assertThat(kubernetes.path("all_time_count").asLong()).isGreaterThanOrEqualTo(39);
    assertThat(kubernetes.path("horizons")).extracting(h -> h.path("horizon").asText()).containsExactly("1h", "24h", "7d");
    assertThat(kubernetes.path("latest_articles").size()).isBetween(1, 10);
    assertThat(kubernetes.path("latest_articles").get(0).path("title").asText()).isNotBlank();

    // The series' last window is the one the entity view reports for the same horizon.
    JsonNode series = ok("/api/entities/project:kubernetes/series?horizon=7d");
    JsonNode last = series.path("points").get(series.path("points").size() - 1);
    JsonNode week = kubernetes.path("horizons").get(2);
    assertThat(last.path("window_end").asText()).isEqualTo(week.path("window_end").asText());
    assertThat(last.path("count").asLong()).isEqualTo(week.path("count").asLong());
  }

  @Test
  void searchFindsEntitiesByName() throws Exception {
    assertThat(ok("/api/entities?q=kuber")).extracting(hit -> hit.path("id").asText()).contains("project:kubernetes");
  }

  @Test
  void badRequestsGetAReason() throws Exception {
    rejected("/api/trends?horizon=2w", 400, "known: all, 1h, 24h, 7d");
    rejected("/api/trends?limit=0", 400, "limit");
    rejected("/api/trends?limit=many", 400, "whole number");
    rejected("/api/trends?horizon=24h&at=yesterday", 400, "ISO-8601");
    rejected("/api/entities", 400, "'q' is required");
    rejected("/api/entities/project:kubernetes/series?horizon=all", 400, "rolling horizon");
    rejected("/api/entities/project:no-such-thing", 404, "Unknown entity");
    rejected("/api/entities/project:no-such-thing/series?horizon=24h", 404, "Unknown entity");
    rejected("/api/nothing-here", 404, "No such");
  }

  @Test
  void cliPrintsTrendsAndAnEntityFromTheView() throws Exception {
    String topProject = ok("/api/trends?horizon=all&type=project&limit=1").path("trends").get(0).path("name").asText();
    String trends = run("trends", "--horizon", "all", "--type", "project", "--limit", "5", "--view-url", view);
    assertThat(trends).contains("Top entities, project, all time").contains(topProject);
    String entity = run("entity", "project:kubernetes", "--horizon", "7d", "--view-url", view);
    assertThat(entity).contains("Kubernetes (project, project:kubernetes)").contains("latest articles:").containsPattern("[▁▂▃▄▅▆▇█]");
  }

  private static String run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = TrendmillCommand.newCommandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    assertThat(exit).as(err.toString()).isZero();
    return out.toString();
  }
}
