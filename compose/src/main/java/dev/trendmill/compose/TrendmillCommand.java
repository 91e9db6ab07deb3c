package dev.trendmill.compose;

import dev.trendmill.compose.cmd.BenchCommand;
import dev.trendmill.compose.cmd.CatalogCommand;
import dev.trendmill.compose.cmd.DemoCommand;
import dev.trendmill.compose.cmd.DropCommand;
import dev.trendmill.compose.cmd.EntityCommand;
import dev.trendmill.compose.cmd.ExtractCommand;
import dev.trendmill.compose.cmd.GenerateCommand;
import dev.trendmill.compose.cmd.LagCommand;
import dev.trendmill.compose.cmd.TrendsCommand;
import dev.trendmill.compose.cmd.UpCommand;
import dev.trendmill.compose.embedded.StackException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code trendmill} command line: run the local stack, drop articles, read trends. */
@Command(
    name = "trendmill",
    mixinStandardHelpOptions = true,
    versionProvider = TrendmillCommand.Version.class,
    description = "Turns a stream of articles into live trend signals.",
    subcommands = {UpCommand.class, DemoCommand.class, DropCommand.class, TrendsCommand.class, EntityCommand.class, LagCommand.class, CatalogCommand.class, ExtractCommand.class, GenerateCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class TrendmillCommand {

  public static void main(String[] args) {
    quietClientLogs();
    System.exit(newCommandLine().execute(args));
  }

  /** The CLI's own Kafka clients poll servers that are still starting: their connection warnings are noise here. */
  private static void quietClientLogs() {
    if (LoggerFactory.getLogger("org.apache.kafka") instanceof ch.qos.logback.classic.Logger kafkaLogger) {
      kafkaLogger.setLevel(ch.qos.logback.classic.Level.ERROR);
    }
  }

  /** The configured command line; tests call {@code execute} on it with their own writers. */
  public static CommandLine newCommandLine() {
    CommandLine commandLine = new CommandLine(new TrendmillCommand());
    // One place maps errors to exit codes: a StackException is the user's to fix, a one-line message, exit 1.
    commandLine.setExecutionExceptionHandler(
        (error, cmd, parsed) -> {
          if (error instanceof StackException || error instanceof IllegalArgumentException) {
            cmd.getErr().println(cmd.getColorScheme().errorText("trendmill: " + error.getMessage()));
            return 1;
          }
          throw error;
        });
    return commandLine;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = TrendmillCommand.class.getPackage().getImplementationVersion();
      return new String[] {"trendmill " + (version == null ? "(development build)" : version)};
    }
  }
}
