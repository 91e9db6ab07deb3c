package dev.trendmill.compose.cmd;

import dev.trendmill.compose.drop.ArticleFiles;
import dev.trendmill.compose.drop.InboxProducer;
import dev.trendmill.compose.embedded.StackException;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code trendmill drop PATH...}: sends articles from files, directories or stdin to the inbox topic, with a
 * progress bar when the output is a terminal and a summary at the end (sent, skipped with the reason).
 */
@Command(
    name = "drop",
    mixinStandardHelpOptions = true,
    description = {
      "Send articles to the input topic: .json files (an object or an array), .jsonl files (one per line),",
      ".txt, .md and .html/.htm pages (one article each: title, date and main text are read from the page),",
      "directories (recursively), or - for standard input (JSON or JSON lines)."
    })
public final class DropCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files, directories, or - for standard input.")
  List<String> paths;

  @Mixin KafkaOptions kafka;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<byte[]> records = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    for (String path : paths) {
      if (path.equals("-")) {
        ArticleFiles.Batch stdin = readStdin();
        records.addAll(stdin.records());
        skipped.addAll(stdin.skipped());
      } else {
        files.add(Path.of(path));
      }
    }
    ArticleFiles.Batch fromFiles = ArticleFiles.read(files);
    records.addAll(fromFiles.records());
    skipped.addAll(fromFiles.skipped());
    String topic = kafka.topics().inbox();
    int sent = 0;
    if (!records.isEmpty()) {
      try (InboxProducer producer = new InboxProducer(Map.of("bootstrap.servers", kafka.bootstrapServer, "delivery.timeout.ms", 30_000, "request.timeout.ms", 10_000, "max.block.ms", 15_000), topic)) {
        ProgressBar bar = new ProgressBar(out, records.size(), System.console() != null && records.size() >= ProgressBar.MIN_RECORDS);
        sent = producer.sendAll(records, bar::update);
        bar.done();
      } catch (Exception e) {
        throw new StackException("Cannot send to " + topic + " at " + kafka.bootstrapServer + " (is `trendmill up` running?): " + rootMessage(e));
      }
    }
    out.printf("Sent %d article%s to %s at %s.%n", sent, sent == 1 ? "" : "s", topic, kafka.bootstrapServer);
    if (!skipped.isEmpty()) {
      out.printf("Skipped %d:%n", skipped.size());
      skipped.forEach(reason -> out.println("  " + reason));
    }
    out.flush();
    return skipped.isEmpty() ? 0 : 2;
  }

  /** A one-line bar redrawn in place ({@code \r}), only on a terminal and only for drops worth watching. */
  static final class ProgressBar {
    static final int MIN_RECORDS = 200;
    private static final int WIDTH = 30;
    private final PrintWriter out;
    private final int total;
    private final boolean enabled;
    private int shownPercent = -1;

    ProgressBar(PrintWriter out, int total, boolean enabled) {
      this.out = out;
      this.total = total;
      this.enabled = enabled;
    }

    synchronized void update(int acked) {
      int percent = total == 0 ? 100 : (int) (100L * acked / total);
      if (!enabled || percent == shownPercent) {
        return;
      }
      shownPercent = percent;
      int filled = percent * WIDTH / 100;
      out.printf("\r[%s%s] %3d%%  %d/%d", "#".repeat(filled), " ".repeat(WIDTH - filled), percent, acked, total);
      out.flush();
    }

    void done() {
      if (enabled) {
        out.print("\r" + " ".repeat(WIDTH + 30) + "\r");
        out.flush();
      }
    }
  }

  private static ArticleFiles.Batch readStdin() throws java.io.IOException {
    byte[] all = System.in.readAllBytes();
    String text = new String(all, StandardCharsets.UTF_8).stripLeading();
    if (text.startsWith("[")) {
      return ArticleFiles.readJson(new ByteArrayInputStream(all), "stdin");
    }
    return ArticleFiles.readLines(new ByteArrayInputStream(all));
  }

  private static String rootMessage(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.toString() : root.getMessage();
  }
}
