package dev.trendmill.compose.cmd;

import com.fasterxml.jackson.databind.JsonNode;
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

  @Option(names = "--view-url", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080", description = "The aggregate's view (default: ${DEFAULT-VALUE}).")
  String viewUrl;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    JsonNode board = new ViewClient(viewUrl).trends(horizon, limit);
    if (json) {
      spec.commandLine().getOut().println(board.toPrettyString());
      spec.commandLine().getOut().flush();
    } else {
      TrendTable.print(board, spec.commandLine().getOut());
    }
    return 0;
  }
}
