package dev.trendmill.compose.cmd;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trendmill.compose.view.TrendTable;
import dev.trendmill.compose.view.ViewClient;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.stream.StreamSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code trendmill entity ID}: one entity's counts and scores per horizon, its series as a sparkline, its latest articles. */
@Command(name = "entity", mixinStandardHelpOptions = true, description = "Show one entity: counts, scores, a sparkline of its series, latest articles.")
public final class EntityCommand implements Callable<Integer> {
  @Parameters(paramLabel = "ID", description = "Entity id, e.g. project:kubernetes (find ids with `trendmill trends`).")
  String id;

  @Option(names = "--horizon", paramLabel = "H", defaultValue = "24h", description = "Horizon of the sparkline (default: ${DEFAULT-VALUE}).")
  String horizon;

  @Option(names = "--view-url", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080", description = "The aggregate's view (default: ${DEFAULT-VALUE}).")
  String viewUrl;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    ViewClient view = new ViewClient(viewUrl);
    JsonNode entity = view.entity(id);
    JsonNode series = view.series(id, horizon);
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%s (%s, %s)%n", entity.path("name").asText(), entity.path("type").asText(), entity.path("id").asText());
    out.printf("  all time: %d articles, last seen %s%n", entity.path("all_time_count").asLong(), entity.path("last_seen").asText());
    for (JsonNode h : entity.path("horizons")) {
      out.printf("  %-4s %6d articles  score %6.2f  (baseline %.2f)%n", h.path("horizon").asText(), h.path("count").asLong(), h.path("score").asDouble(), h.path("baseline").asDouble());
    }
    long[] counts = StreamSupport.stream(series.path("points").spliterator(), false).mapToLong(p -> p.path("count").asLong()).toArray();
    out.printf("  %s windows, %s .. %s%n", horizon, series.path("from").asText(), series.path("to").asText());
    out.println("  " + TrendTable.sparkline(counts));
    if (!entity.path("latest_articles").isEmpty()) {
      out.println("  latest articles:");
      for (JsonNode article : entity.path("latest_articles")) {
        out.printf("    %s  %s%n", article.path("published_at").asText().substring(0, 10), article.path("title").asText());
      }
    }
    out.flush();
    return 0;
  }
}
