package dev.trendmill.compose.cmd;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trendmill.compose.embedded.LocalStack;
import dev.trendmill.compose.embedded.StackException;
import dev.trendmill.compose.lag.LagTable;
import dev.trendmill.schemas.lag.LagReport;
import dev.trendmill.schemas.ops.LagMonitor;
import dev.trendmill.schemas.ops.LagReader;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trendmill lag}: the lag of consumer groups per partition, in records and in seconds, with a status judged on
 * a sliding window of samples. It samples by itself (a group-less read-only consumer and an admin client), so it needs
 * no running view.
 */
@Command(
    name = "lag",
    mixinStandardHelpOptions = true,
    description = {
      "Show how far behind each consumer group is, per partition.",
      "Committed and end offsets, lag in records and in seconds (age of the oldest unconsumed record), time since the last commit, and a status: ok, lagging"
          + " (the lag grew over the whole window), stalled (a backlog and no commit over the window), stopped (a"
          + " backlog and no member).",
      "Without --watch it takes --samples samples --interval apart, then prints once."
    })
public final class LagCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(names = {"-g", "--group"}, paramLabel = "GROUP", description = "A consumer group to show; repeat for several (default: the pipeline's three services).")
  List<String> groups;

  @Option(names = "--bootstrap-server", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:9092", description = "Kafka (default: ${DEFAULT-VALUE}).")
  String bootstrapServer;

  @Option(names = "--watch", description = "Keep sampling and redraw after every sample until Ctrl-C.")
  boolean watch;

  @Option(names = "--json", description = "Print the report as JSON (the same shape as GET /api/lag).")
  boolean json;

  @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "1", description = "Seconds between samples (default: ${DEFAULT-VALUE}).")
  double interval;

  @Option(names = "--samples", paramLabel = "N", defaultValue = "3", description = "Samples before the first answer; 3 is the fewest that can tell stalled or lagging (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(names = "--window", paramLabel = "N", defaultValue = "10", description = "Samples per partition the status is judged on (default: ${DEFAULT-VALUE}).")
  int window;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (samples < 1 || window < 3 || interval <= 0) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--samples must be at least 1, --window at least 3, --interval above 0");
    }
    List<String> watched = groups == null || groups.isEmpty() ? LocalStack.SERVICE_GROUPS : groups;
    Duration pause = Duration.ofMillis(Math.round(interval * 1000));
    PrintWriter out = spec.commandLine().getOut();
    boolean terminal = System.console() != null;
    try (LagMonitor monitor = new LagMonitor(new LagReader(Map.of("bootstrap.servers", bootstrapServer)), watched, pause, window, Clock.systemUTC())) {
      LagReport report = sample(monitor);
      for (int i = 1; i < samples && !watch; i++) {
        Thread.sleep(pause.toMillis());
        report = sample(monitor);
      }
      while (true) {
        if (watch && terminal) {
          out.print("\033[H\033[2J"); // clear the screen and redraw in place
        }
        if (json) {
          out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report.toMap()));
          out.flush();
        } else {
          LagTable.print(report, out);
        }
        if (!watch) {
          return 0;
        }
        Thread.sleep(pause.toMillis());
        report = sample(monitor);
      }
    }
  }

  /** One sample; an unreachable cluster is the user's to fix: a one-line message, exit 1. */
  private LagReport sample(LagMonitor monitor) {
    try {
      return monitor.sample();
    } catch (IllegalStateException e) {
      throw new StackException(e.getMessage() + " (--bootstrap-server " + bootstrapServer + ")");
    }
  }
}
