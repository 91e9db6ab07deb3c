package dev.trendmill.compose.cmd;

import dev.trendmill.compose.drop.ArticleFiles;
import dev.trendmill.compose.drop.InboxProducer;
import dev.trendmill.compose.embedded.LocalStack;
import dev.trendmill.compose.embedded.StackException;
import dev.trendmill.compose.progress.PipelineProgress;
import dev.trendmill.compose.view.TrendTable;
import dev.trendmill.compose.view.ViewClient;
import dev.trendmill.schemas.TopicNames;
import dev.trendmill.schemas.serde.AvroSerdeConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.common.utils.Utils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trendmill demo}: starts the local stack on a fresh data directory, drops the bundled sample articles, waits
 * until they are through every stage, prints the top entities, and keeps the view up (or exits with {@code --once}).
 */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Run the stack on the bundled sample articles and print the trends.")
public final class DemoCommand implements Callable<Integer> {
  public static final String SAMPLES = "/samples/cloud-native-news.jsonl";

  @Mixin StackOptions stack;
  @Spec CommandSpec spec;

  @Option(names = "--once", description = "Exit once the trends are printed instead of keeping the stack up.")
  boolean once;

  @Option(names = "--keep-data", description = "Keep the demo data directory from an earlier run instead of starting empty.")
  boolean keepData;

  @Option(names = "--limit", defaultValue = "10", description = "Entities to print (default: ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() throws Exception {
    PrintStream out = new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true);
    Path dataDir = stack.dataDir != null ? stack.dataDir : StackOptions.home().resolve("demo");
    if (!keepData) {
      Utils.delete(dataDir.toFile());
    }
    LocalStack running = new LocalStack(stack.settings(dataDir), out).start();
    try {
      UpCommand.printAddresses(running, out);
      List<byte[]> samples = samples();
      ViewClient view = new ViewClient(running.settings().viewUrl());
      Map<String, Object> client = Map.of("bootstrap.servers", running.settings().bootstrapServers());
      PipelineProgress progress =
          new PipelineProgress(
              client, TopicNames.DEFAULT, Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, running.settings().registryUrl()), running.settings().ingestUrl());
      PipelineProgress.Snapshot before = progress.snapshot(view);
      try (InboxProducer producer = new InboxProducer(client, TopicNames.DEFAULT.inbox())) {
        producer.sendAll(samples);
      }
      out.println("Dropped " + samples.size() + " sample articles on " + TopicNames.DEFAULT.inbox() + "; waiting until they are through...");
      PipelineProgress.Outcome outcome = progress.awaitThrough(before, samples.size(), view, Duration.ofMinutes(3));
      out.println(outcome.summary());
      if (!outcome.complete()) {
        throw new StackException("The samples did not get through the pipeline in time; logs are in " + dataDir.resolve("logs"));
      }
      out.println();
      TrendTable.print(view.trends("all", limit), spec.commandLine().getOut());
      out.println();
      TrendTable.print(view.trends("7d", limit), spec.commandLine().getOut());
      out.println();
      if (once) {
        running.close();
        return 0;
      }
      out.println("Dashboard: " + running.settings().viewUrl() + "/  (Ctrl-C to stop)");
    } catch (Exception e) {
      running.close();
      throw e;
    }
    UpCommand.blockUntilShutdown(running, out);
    return 0;
  }

  static List<byte[]> samples() throws IOException {
    try (InputStream in = DemoCommand.class.getResourceAsStream(SAMPLES)) {
      if (in == null) {
        throw new StackException("The sample articles " + SAMPLES + " are missing from the jar");
      }
      return ArticleFiles.readLines(in).records();
    }
  }
}
