package dev.trendmill.ingest.bench;

import dev.trendmill.ingest.dedup.SimHash;
import dev.trendmill.ingest.normalize.ArticleParser;
import dev.trendmill.schemas.avro.Article;
import dev.trendmill.schemas.bench.JmhRuns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;

/**
 * Ingest's own work per article, without Kafka: the JSON parsed, validated and cleaned into an {@link Article}
 * ({@code parse}), and that plus the near-duplicate fingerprint of its title and body ({@code parseAndFingerprint}),
 * which is what ingest's stream thread spends most of its time on besides the clients. The corpus gives no language,
 * so both detect it; {@code parseWithLanguageGiven} parses the same lines with {@code "language": "en"} added, as
 * half the generated articles of {@code trendmill bench} carry it. An operation is one pass over
 * the blog corpus at {@code -Dtrendmill.corpus} ({@link JmhRuns#corpusPath()}), each line as the bytes the inbox
 * would carry; without the corpus the benchmark says so and exits 0. Single-threaded, so the rates are per core.
 *
 * <p>Run: {@code ./mvnw -q -pl ingest test-compile exec:exec@parsing-benchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ArticleParsingBenchmark {
  private static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");

  private List<byte[]> lines;
  private List<byte[]> linesWithLanguage;
  private final ArticleParser parser = new ArticleParser(1 << 20);

  @Setup(Level.Trial)
  public void load() throws IOException {
    lines = readLines(JmhRuns.corpusPath());
    linesWithLanguage =
        lines.stream()
            .map(line -> new String(line, StandardCharsets.UTF_8).replaceFirst("^\\{", "{\"language\": \"en\", ").getBytes(StandardCharsets.UTF_8))
            .toList();
  }

  @Benchmark
  public void parse(Blackhole bh) {
    for (byte[] line : lines) {
      bh.consume(parser.parse(line, NOW));
    }
  }

  @Benchmark
  public void parseWithLanguageGiven(Blackhole bh) {
    for (byte[] line : linesWithLanguage) {
      bh.consume(parser.parse(line, NOW));
    }
  }

  @Benchmark
  public void parseAndFingerprint(Blackhole bh) {
    for (byte[] line : lines) {
      Article article = parser.parse(line, NOW);
      bh.consume(SimHash.fingerprint(article.getTitle(), article.getBody()));
    }
  }

  static List<byte[]> readLines(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
        .filter(line -> !line.isBlank())
        .map(line -> line.getBytes(StandardCharsets.UTF_8))
        .toList();
  }

  public static void main(String[] args) throws Exception {
    Optional<Path> corpus = JmhRuns.corpusOrSkip();
    if (corpus.isEmpty()) {
      return;
    }
    Path corpusFile = corpus.get();
    List<byte[]> lines = readLines(corpusFile);
    long bytes = lines.stream().mapToLong(line -> line.length).sum();
    Options options = JmhRuns.options(ArticleParsingBenchmark.class, 2, "-Dtrendmill.corpus=" + corpusFile.toAbsolutePath(), "-Xmx1g");
    Collection<RunResult> results = new Runner(options).run();

    System.out.printf(Locale.ROOT, "%nCorpus: %d articles, %.1f MB of JSON (%s)%n", lines.size(), bytes / 1e6, corpusFile);
    System.out.printf(Locale.ROOT, "%-22s %14s %16s %12s%n", "benchmark", "articles/s", "µs per article", "± (ops/s)");
    for (RunResult result : results) {
      String name = result.getParams().getBenchmark();
      double ops = result.getPrimaryResult().getScore();
      System.out.printf(Locale.ROOT, "%-22s %,14.0f %16.1f %12.3f%n", name.substring(name.lastIndexOf('.') + 1),
          ops * lines.size(), 1e6 / (ops * lines.size()), result.getPrimaryResult().getScoreError());
    }
  }
}
