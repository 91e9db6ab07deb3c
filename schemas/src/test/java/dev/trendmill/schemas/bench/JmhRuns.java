package dev.trendmill.schemas.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * What the modules' JMH benchmarks share: one way to run them, short by default because build machines are shared and
 * noisy ({@code -Dbench.forks}, {@code -Dbench.iterations}, {@code -Dbench.seconds} change it; two warm-ups of the
 * same length, one thread), and one way to measure the heap a structure keeps.
 */
public final class JmhRuns {
  private JmhRuns() {}

  /** The benchmarks of {@code benchmark}, in {@code defaultForks} forks unless told, each JVM with {@code jvmArgs}. */
  public static Options options(Class<?> benchmark, int defaultForks, String... jvmArgs) {
    TimeValue iteration = TimeValue.seconds(Integer.getInteger("bench.seconds", 2));
    return new OptionsBuilder()
        .include(benchmark.getName() + "\\.")
        .forks(Integer.getInteger("bench.forks", defaultForks))
        .warmupIterations(2)
        .warmupTime(iteration)
        .measurementIterations(Integer.getInteger("bench.iterations", 3))
        .measurementTime(iteration)
        .threads(1)
        .jvmArgsAppend(jvmArgs)
        .build();
  }

  /**
   * The blog corpus the benchmarks read (never copied into the repository): {@code -Dtrendmill.corpus}, else the
   * shared data folder beside the project, seen from the module or from the project's root.
   */
  public static Path corpusPath() {
    String configured = System.getProperty("trendmill.corpus");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    for (String candidate : List.of("../shared/data/blog-corpus.jsonl", "../../shared/data/blog-corpus.jsonl")) {
      if (Files.isRegularFile(Path.of(candidate))) {
        return Path.of(candidate);
      }
    }
    return Path.of("../shared/data/blog-corpus.jsonl");
  }

  /** The corpus if it is there; else empty, having said that the benchmark is skipped and how to point it at one. */
  public static Optional<Path> corpusOrSkip() {
    Path corpus = corpusPath();
    if (Files.isRegularFile(corpus)) {
      return Optional.of(corpus);
    }
    System.out.println("Benchmark skipped: no corpus at " + corpus.toAbsolutePath() + " (set -Dbench.corpus=FILE with Maven, -Dtrendmill.corpus=FILE with java)");
    return Optional.empty();
  }

  /** Used heap after a few full collections: measured with and without a structure held, the heap it keeps. */
  public static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
