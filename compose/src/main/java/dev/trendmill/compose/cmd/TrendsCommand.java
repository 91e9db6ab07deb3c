package dev.trendmill.compose.cmd;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import dev.trendmill.compose.view.TrendTable;
import dev.trendmill.compose.view.ViewClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trendmill trends}: prints the current top entities from the view. */
@Command(name = "trends", mixinStandardHelpOptions = true, description = "Print the current top entities.")
public final class TrendsCommand implements Callable<Integer> {
  @Option(names = "--horizon", paramLabel = "H", defaultValue = "all", description = "all, or a rolling window such as 24h (default: ${DEFAULT-VALUE}).")
  String horizon;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "How many entities (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--json", description = "Print the view's JSON answer.")
  boolean json;

  @Option(names = "--type", paramLabel = "T", description = "Only entities of this type: project, organization, product, person, topic, technology, event, location.")
  String type;

  @Option(names = "--at", paramLabel = "TIME", description = "Look at a past moment (ISO-8601, e.g. 2026-10-01T12:00:00Z) instead of now.")
  String at;

  @Option(names = "--watch", description = "Refresh every --interval seconds until Ctrl-C.")
  boolean watch;

  @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "2", description = "Refresh interval with --watch (default: ${DEFAULT-VALUE}).")
  int interval;

  @Option(names = "--view-url", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080", description = "The aggregate's view (default: ${DEFAULT-VALUE}).")
  String viewUrl;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    ViewClient view = new ViewClient(viewUrl);
    PrintWriter out = spec.commandLine().getOut();
    boolean terminal = System.console() != null;
    do {
      JsonNode board = view.trends(horizon, type, limit, at);
      if (watch && terminal) {
        out.print("\033[H\033[2J"); // clear the screen and redraw in place
      }
      if (json) {
        out.println(board.toPrettyString());
        out.flush();
      } else {
        TrendTable.print(board, out);
      }
      if (watch) {
        Thread.sleep(interval * 1000L);
      }
    } while (watch);
    return 0;
  }
}
