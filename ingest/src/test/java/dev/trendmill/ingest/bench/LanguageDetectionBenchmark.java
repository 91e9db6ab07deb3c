package dev.trendmill.ingest.bench;

import dev.trendmill.ingest.normalize.ArticleParser;
import dev.trendmill.ingest.normalize.Languages;
import dev.trendmill.schemas.avro.Article;
import dev.trendmill.schemas.bench.JmhRuns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
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
import org.openjdk.jmh.util.Statistics;

/**
 * Language detection per article, side by side in one run: {@code linguaOnly} ({@link Languages#detectWithLinguaOnly})
 * and {@code detect} ({@link Languages#detect}, function words first, Lingua when they leave doubt). An operation is
 * one pass over every article of the blog corpus at {@code -Dtrendmill.corpus} ({@link JmhRuns#corpusPath()}) and of
 * {@code blog-corpus-more.jsonl} beside it when it is there, each as the title and body that ingest's parser detects
 * on; without the corpus the benchmark says so and exits 0. Single-threaded, so the times are per core. The summary
 * gives the median and range of the measured iterations, per article, and whether both answer alike on every article.
 *
 * <p>Run: {@code ./mvnw -q -pl ingest test-compile exec:exec@language-benchmark -Dbench.iterations=10}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LanguageDetectionBenchmark {
  private static final String MORE = "blog-corpus-more.jsonl";

  private List<String> texts;

  @Setup(Level.Trial)
  public void load() throws IOException {
    texts = detectionTexts(JmhRuns.corpusPath());
  }

  @Benchmark
  public void linguaOnly(Blackhole bh) {
    for (String text : texts) {
      bh.consume(Languages.detectWithLinguaOnly(text));
    }
  }

  @Benchmark
  public void detect(Blackhole bh) {
    for (String text : texts) {
      bh.consume(Languages.detect(text));
    }
  }

  /** Title and body of each corpus article as the parser cleans them, the text it detects the language of. */
  static List<String> detectionTexts(Path corpus) throws IOException {
    // The language given, so that parsing does not detect it already.
    ArticleParser parser = new ArticleParser(1 << 20);
    List<String> texts = new ArrayList<>();
    for (Path file : corpusFiles(corpus)) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          byte[] withLanguage = line.replaceFirst("^\\{", "{\"language\": \"en\", ").getBytes(StandardCharsets.UTF_8);
          Article article = parser.parse(withLanguage, Instant.EPOCH);
          texts.add(article.getTitle() + "\n" + article.getBody());
        }
      }
    }
    return texts;
  }

  /** The corpus file and the second one beside it, where it is there. */
  static List<Path> corpusFiles(Path corpus) {
    Path more = corpus.resolveSibling(MORE);
    return corpus.endsWith(MORE) || !Files.isRegularFile(more) ? List.of(corpus) : List.of(corpus, more);
  }

  public static void main(String[] args) throws Exception {
    Optional<Path> corpus = JmhRuns.corpusOrSkip();
    if (corpus.isEmpty()) {
      return;
    }
    List<String> texts = detectionTexts(corpus.get());
    long same = texts.stream().filter(text -> Objects.equals(Languages.detect(text), Languages.detectWithLinguaOnly(text))).count();
    Options options = JmhRuns.options(LanguageDetectionBenchmark.class, 1, "-Dtrendmill.corpus=" + corpus.get().toAbsolutePath(), "-Xmx1g");
    Collection<RunResult> results = new Runner(options).run();

    System.out.printf(Locale.ROOT, "%nCorpus: %d articles (%s); the same answer from both on %d of them%n", texts.size(), corpusFiles(corpus.get()), same);
    System.out.printf(Locale.ROOT, "%-12s %22s %24s %12s%n", "benchmark", "median µs per article", "range (min to max)", "iterations");
    for (RunResult result : results) {
      String name = result.getParams().getBenchmark();
      Statistics statistics = result.getPrimaryResult().getStatistics();
      System.out.printf(Locale.ROOT, "%-12s %22.1f %11.1f to %-10.1f %12d%n", name.substring(name.lastIndexOf('.') + 1),
          statistics.getPercentile(50) / texts.size(), statistics.getMin() / texts.size(), statistics.getMax() / texts.size(), statistics.getN());
    }
  }
}
