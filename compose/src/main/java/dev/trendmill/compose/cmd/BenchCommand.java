package dev.trendmill.compose.cmd;

import dev.trendmill.compose.bench.AggregateBench;
import dev.trendmill.compose.bench.EndToEndBench;
import dev.trendmill.compose.bench.ProcessMemory;
import dev.trendmill.compose.embedded.LocalStack;
import dev.trendmill.compose.embedded.StackSettings;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.common.utils.Utils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trendmill bench}: starts a local stack of its own (random ports, a fresh data directory) and measures it: the
 * raw broker, the end-to-end pipeline (drain rate, freshness at a steady rate, memory), and the aggregate topology
 * beside a word count. Prints a Markdown summary for BENCHMARKS.md. Never part of the build.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {"Measure the pipeline on a local stack of its own: raw broker, end to end, freshness, memory, aggregate vs word count."})
public final class BenchCommand implements Callable<Integer> {
  enum Part { all, e2e, aggregate }

  @Option(names = "--articles", paramLabel = "N", defaultValue = "100000", description = "Articles drained end to end (default: ${DEFAULT-VALUE}).")
  long articles;

  @Option(names = "--warm-articles", paramLabel = "N", defaultValue = "100000", description = "Articles of a second drain through the services warmed by the first, the sustained rate; held in the bench's memory, about 3.5 KB each; 0: none (default: ${DEFAULT-VALUE}).")
  long warmArticles;

  @Option(names = "--broker-records", paramLabel = "N", defaultValue = "200000", description = "Records for the raw broker measurement (default: ${DEFAULT-VALUE}).")
  long brokerRecords;

  @Option(names = "--rate", paramLabel = "R", defaultValue = "1000", description = "Articles/s of the freshness and latency runs (default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(names = "--seconds", paramLabel = "S", defaultValue = "30", description = "Length of the freshness and latency runs (default: ${DEFAULT-VALUE}).")
  long seconds;

  @Option(names = "--warmup", paramLabel = "S", defaultValue = "30", description = "Seconds at the freshness rate before freshness is measured, while every JVM settles after the drain (default: ${DEFAULT-VALUE}).")
  long warmup;

  @Option(names = "--aggregate-articles", paramLabel = "N", defaultValue = "100000", description = "Enriched articles for the aggregate vs word count drain (default: ${DEFAULT-VALUE}).")
  long aggregateArticles;

  @Option(names = "--only", paramLabel = "PART", defaultValue = "all", description = "all, e2e or aggregate (default: ${DEFAULT-VALUE}).")
  Part only;

  @Option(names = "--stages", description = "Also time each topic an article crosses during the freshness run (one more reader on the broker).")
  boolean stages;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory of the benchmark's stack, kept after the run (default: a new temporary one, deleted after the run).")
  Path dataDir;

  @Option(names = "--keep-data", description = "Keep the temporary data directory (logs, the --stages CSV); a 100,000-article run leaves about 2.5 GB.")
  boolean keepData;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path dir = dataDir != null ? dataDir : Files.createTempDirectory("trendmill-bench-");
    out.println("Machine: " + machine());
    out.println("Stack data and logs: " + dir.toAbsolutePath() + (dataDir == null && !keepData ? " (deleted after a run that ends well)" : ""));
    EndToEndBench.Result e2e = null;
    List<AggregateBench.Side> sides = null;
    try (LocalStack stack = new LocalStack(StackSettings.randomPorts(dir), new PrintStream(System.out, true)).start()) {
      if (only != Part.aggregate) {
        e2e = new EndToEndBench(stack, out).run(articles, warmArticles, brokerRecords, rate, Duration.ofSeconds(warmup), Duration.ofSeconds(seconds), dir, stages);
      }
      if (only != Part.e2e) {
        for (String service : List.of("ingest", "enrich", "aggregate")) {
          stack.services().get(service).stop(Duration.ofSeconds(60));
        }
        sides =
            new AggregateBench(
                    stack.settings().bootstrapServers(), stack.settings().registryUrl(), dir.resolve("bench-state"), stack.kafka().process().pid(), out)
                .run(aggregateArticles, rate, Duration.ofSeconds(seconds), stack.settings().partitions());
      }
    }
    out.println();
    out.println("## Results (" + machine() + ")");
    if (e2e != null) {
      out.println();
      out.println("| end to end | value |");
      out.println("|---|---:|");
      out.printf("| raw broker, ProducerPerformance (%d records, %.1f MB/s) | %,.0f records/s |%n", e2e.broker().records(), e2e.broker().megabytesPerSecond(), e2e.broker().recordsPerSecond());
      out.printf("| inbox filled (generation + produce) | %,.0f articles/s |%n", e2e.fillPerSecond());
      out.printf("| drained end to end, %,d articles, %,d mentions | %,.0f articles/s (%.1f s; %.1f s with service start) |%n", e2e.articles(), e2e.mentions(), e2e.articlesPerSecond(), e2e.drainFromFirstSeconds(), e2e.drainSeconds());
      out.printf("| the drain's second half (JIT compilation mostly done) | %,.0f articles/s |%n", e2e.secondHalfArticlesPerSecond());
      if (e2e.warmArticles() > 0) {
        out.printf("| drained again, %,d articles through the warm services (sent at full speed meanwhile) | %,.0f articles/s (%.1f s) |%n", e2e.warmArticles(), e2e.warmArticlesPerSecond(), e2e.warmSeconds());
      }
      out.printf(
          "| end to end / raw broker | %.3f (second half: %.3f; warm: %.3f) |%n", e2e.articlesPerSecond() / e2e.broker().recordsPerSecond(),
          e2e.secondHalfArticlesPerSecond() / e2e.broker().recordsPerSecond(), e2e.warmArticlesPerSecond() / e2e.broker().recordsPerSecond());
      out.printf("| freshness at %.0f articles/s after %d s of warm-up, %,d mentions: p50 / p99 / max | %.0f / %.0f / %.0f ms |%n", e2e.steadyRate(), warmup, e2e.freshnessSamples(), e2e.p50(), e2e.p99(), e2e.max());
      long total = 0;
      for (Map.Entry<String, ProcessMemory> m : e2e.memory().entrySet()) {
        out.printf("| RSS of %s: now / peak | %d / %d MB |%n", m.getKey(), m.getValue().rssMb(), m.getValue().peakMb());
        total += m.getValue().rssMb();
      }
      out.printf("| RSS of the stack (these processes), now | %d MB |%n", total);
    }
    if (sides != null) {
      out.println();
      out.println(
          "| topology | records/s | mentions/s | µs per mention | µs per mention, second half | CPU µs per mention: its threads / bench JVM / broker | commits | latency p50 / p99 / max (ms) |");
      out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
      for (AggregateBench.Side side : sides) {
        out.printf(
            "| %s | %,.0f | %,.0f | %.1f | %.1f | %.1f / %.1f / %.1f | %,d | %s |%n", side.name(), side.recordsPerSecond(), side.mentionsPerSecond(),
            side.microsPerMention(), side.secondHalfMicrosPerMention(), side.cpuMicrosPerMention(side.threadsCpuNanos()), side.cpuMicrosPerMention(side.jvmCpuNanos()),
            side.cpuMicrosPerMention(side.brokerCpuNanos()), side.commits(),
            side.samples() == 0 ? "not run" : String.format("%.0f / %.0f / %.0f", side.p50(), side.p99(), side.max()));
      }
      AggregateBench.Side aggregate = sides.get(0);
      out.println();
      for (AggregateBench.Side reference : sides.subList(1, sides.size())) {
        out.printf("Aggregate cost per mention against the %s: %s%n", reference.name(), ratios(aggregate, reference));
      }
    }
    if (dataDir == null && !keepData) {
      Utils.delete(dir.toFile());
    }
    out.flush();
    return 0;
  }

  /** Wall time per mention, of the second halves, of the topology's threads' CPU, and of its threads' and the broker's. */
  private static String ratios(AggregateBench.Side aggregate, AggregateBench.Side reference) {
    double aggregateThreads = aggregate.cpuMicrosPerMention(aggregate.threadsCpuNanos());
    double referenceThreads = reference.cpuMicrosPerMention(reference.threadsCpuNanos());
    double aggregateBroker = aggregate.cpuMicrosPerMention(aggregate.brokerCpuNanos());
    double referenceBroker = reference.cpuMicrosPerMention(reference.brokerCpuNanos());
    return String.format(
        "%.2f (second halves: %.2f; CPU of the topology's threads: %.2f; of its threads and the broker: %.2f)",
        aggregate.microsPerMention() / reference.microsPerMention(), aggregate.secondHalfMicrosPerMention() / reference.secondHalfMicrosPerMention(),
        aggregateThreads / referenceThreads, (aggregateThreads + aggregateBroker) / (referenceThreads + referenceBroker));
  }

  static String machine() {
    long memKb = 0;
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          memKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (Exception e) {
      // not Linux
    }
    return Runtime.getRuntime().availableProcessors() + " cores, " + (memKb / 1024 / 1024) + " GB memory, JDK " + Runtime.version();
  }
}
