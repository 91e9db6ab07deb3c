package dev.trendmill.enrich.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trendmill.enrich.catalog.BundledCatalog;
import dev.trendmill.enrich.extract.CatalogEntry;
import dev.trendmill.enrich.extract.EntityExtractor;
import dev.trendmill.schemas.bench.JmhRuns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * How fast the full extractor (bundled catalog, disambiguation, people and company rules, salience) reads realistic
 * article text, beside a naive baseline in the same run: one word-bounded {@link Pattern} per catalog name.
 *
 * <p>The text is the blog corpus at {@code -Dtrendmill.corpus} (default {@code ../shared/data/blog-corpus.jsonl}),
 * read at benchmark time and never copied into the repository; without it the benchmark says so and exits 0.
 * Single-threaded, so characters per second is per core. Short by default (2 forks × 3 iterations of 2 s after 2
 * warm-ups); {@code -Dbench.forks}, {@code -Dbench.iterations}, {@code -Dbench.seconds} change that. The baseline runs
 * on the first {@value #SAMPLE_ARTICLES} articles only (a regex pass per name over the whole corpus would take minutes
 * per operation); the extractor is measured on both, so the two rates compare on the same text.
 *
 * <p>Run: {@code ./mvnw -q -pl enrich test-compile exec:exec@benchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ExtractorBenchmark {
  static final int SAMPLE_ARTICLES = 20;

  private List<String[]> corpus;
  private List<String[]> sample;
  private EntityExtractor extractor;
  private List<Pattern> patterns;

  @Setup(Level.Trial)
  public void load() throws IOException {
    corpus = readCorpus(JmhRuns.corpusPath());
    sample = corpus.subList(0, Math.min(SAMPLE_ARTICLES, corpus.size()));
    List<CatalogEntry> catalog = BundledCatalog.load();
    extractor = new EntityExtractor(catalog);
    patterns = naivePatterns(catalog);
  }

  @Benchmark
  public void extractorCorpus(Blackhole bh) {
    for (String[] article : corpus) {
      bh.consume(extractor.extract(article[0], article[1]));
    }
  }

  /**
   * The extractor of another build (an enrich jar at {@code -Dbench.previous=JAR}, with the current dependencies), in
   * a class loader of its own so both run in one JMH run; a no-op without it.
   */
  @Benchmark
  public void previousBuildCorpus(Blackhole bh) throws Throwable {
    if (previousExtract == null) {
      return;
    }
    for (String[] article : corpus) {
      bh.consume(previousExtract.invoke(previousExtractor, article[0], article[1]));
    }
  }

  private Object previousExtractor;
  private java.lang.invoke.MethodHandle previousExtract;

  @Setup(Level.Trial)
  public void loadPrevious() throws Exception {
    String jar = System.getProperty("bench.previous", "");
    if (jar.isBlank()) {
      return;
    }
    List<java.net.URL> urls = new ArrayList<>();
    urls.add(Path.of(jar).toUri().toURL());
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      if (!entry.contains("trendmill-enrich") && !entry.endsWith("classes") && !entry.endsWith("test-classes")) {
        urls.add(Path.of(entry).toUri().toURL());
      }
    }
    ClassLoader loader = new java.net.URLClassLoader(urls.toArray(java.net.URL[]::new), ClassLoader.getPlatformClassLoader());
    Class<?> catalogClass = Class.forName("dev.trendmill.enrich.catalog.BundledCatalog", true, loader);
    Class<?> extractorClass = Class.forName("dev.trendmill.enrich.extract.EntityExtractor", true, loader);
    Object catalog = catalogClass.getMethod("load").invoke(null);
    previousExtractor = extractorClass.getConstructor(Collection.class).newInstance(catalog);
    previousExtract = java.lang.invoke.MethodHandles.publicLookup()
        .findVirtual(extractorClass, "extract", java.lang.invoke.MethodType.methodType(List.class, String.class, String.class));
  }

  @Benchmark
  public void extractorSample(Blackhole bh) {
    for (String[] article : sample) {
      bh.consume(extractor.extract(article[0], article[1]));
    }
  }

  @Benchmark
  public void regexBaselineSample(Blackhole bh) {
    for (String[] article : sample) {
      int found = 0;
      for (Pattern pattern : patterns) {
        Matcher title = pattern.matcher(article[0]);
        Matcher body = pattern.matcher(article[1]);
        if (title.find() || body.find()) {
          found++;
        }
      }
      bh.consume(found);
    }
  }

  static List<Pattern> naivePatterns(Collection<CatalogEntry> catalog) {
    List<Pattern> patterns = new ArrayList<>();
    for (CatalogEntry entry : catalog) {
      List<String> names = new ArrayList<>(entry.aliases());
      names.add(entry.name());
      for (String name : names) {
        patterns.add(Pattern.compile("\\b" + Pattern.quote(name) + "\\b"));
      }
    }
    return patterns;
  }

  static List<String[]> readCorpus(Path file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String[]> articles = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        JsonNode node = json.readTree(line);
        articles.add(new String[] {node.path("title").asText(""), node.path("body").asText("")});
      }
    }
    return articles;
  }

  static long chars(List<String[]> articles) {
    return articles.stream().mapToLong(a -> a[0].length() + a[1].length()).sum();
  }

  public static void main(String[] args) throws Exception {
    Optional<Path> found = JmhRuns.corpusOrSkip();
    if (found.isEmpty()) {
      return;
    }
    Path corpusFile = found.get();
    List<String[]> corpus = readCorpus(corpusFile);
    List<String[]> sample = corpus.subList(0, Math.min(SAMPLE_ARTICLES, corpus.size()));
    Options options = JmhRuns.options(ExtractorBenchmark.class, 2, "-Dtrendmill.corpus=" + corpusFile.toAbsolutePath(), "-Xmx1g",
        "-Dbench.previous=" + System.getProperty("bench.previous", ""));
    Collection<RunResult> results = new Runner(options).run();

    long corpusChars = chars(corpus);
    long sampleChars = chars(sample);
    System.out.printf(Locale.ROOT, "%nCorpus: %d articles, %.1f MB of text (%s); baseline sample: %d articles, %d chars%n",
        corpus.size(), corpusChars / 1e6, corpusFile, sample.size(), sampleChars);
    System.out.printf(Locale.ROOT, "%-22s %16s %14s %12s%n", "benchmark", "chars/s per core", "articles/s", "± (ops/s)");
    for (RunResult result : results) {
      String name = result.getParams().getBenchmark();
      name = name.substring(name.lastIndexOf('.') + 1);
      boolean whole = name.equals("extractorCorpus") || name.equals("previousBuildCorpus");
      double ops = result.getPrimaryResult().getScore();
      double error = result.getPrimaryResult().getScoreError();
      System.out.printf(Locale.ROOT, "%-22s %16s %14.0f %12.3f%n", name,
          String.format(Locale.ROOT, "%,.0f", ops * (whole ? corpusChars : sampleChars)), ops * (whole ? corpus.size() : sample.size()), error);
    }
    System.out.printf(Locale.ROOT, "Loaded catalog (%d entities) and its extractor: %.1f MB of heap%n", BundledCatalog.load().size(), catalogHeapBytes() / 1e6);
  }

  /** Heap retained by the loaded catalog and its extractor: used heap after a GC, with and without them held. */
  static long catalogHeapBytes() {
    new EntityExtractor(BundledCatalog.load()); // warm the classes and word lists, which every extractor shares
    long before = JmhRuns.usedHeapAfterGc();
    List<CatalogEntry> catalog = BundledCatalog.load();
    EntityExtractor held = new EntityExtractor(catalog);
    long after = JmhRuns.usedHeapAfterGc();
    if (held.size() < 0 || catalog.isEmpty()) {
      throw new IllegalStateException("unreachable: keeps both alive until here");
    }
    return after - before;
  }
}
