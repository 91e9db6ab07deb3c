package dev.trendmill.ingest.bench;

import dev.trendmill.ingest.dedup.NearDuplicates;
import dev.trendmill.ingest.dedup.SimHash;
import dev.trendmill.schemas.bench.JmhRuns;
import java.util.Collection;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;

/**
 * How long ingest's near-duplicate lookup takes, and how much heap an indexed article costs, with as many first
 * articles indexed as a month of news holds (100,000 and a million), at the default distance of 8 bits. Beside it in
 * the same run, the reference: a scan of every fingerprint in one {@code long[]}, the least a scan can cost.
 * Fingerprints are random (real ones spread about as evenly: SimHash is a hash), ids are the 34-character ones
 * ingest derives from URLs.
 *
 * <p>Run: {@code ./mvnw -q -pl ingest test-compile exec:exec@benchmark} ({@code -Dbench.forks}, {@code
 * -Dbench.iterations}, {@code -Dbench.seconds} as for enrich's benchmark).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class NearDuplicatesBenchmark {
  static final int MAX_DISTANCE = 8;

  @Param({"100000", "1000000"})
  public int articles;

  private NearDuplicates index;
  private long[] fingerprints;
  private SplittableRandom probes;

  @Setup(Level.Trial)
  public void fill() {
    index = filledIndex(articles);
    fingerprints = new SplittableRandom(1).longs(articles).toArray();
    probes = new SplittableRandom(2);
  }

  @Benchmark
  public Object indexLookup() {
    return index.nearest(probes.nextLong());
  }

  @Benchmark
  public int scanAllFingerprints() {
    long probe = probes.nextLong();
    int found = -1;
    for (int i = 0; i < fingerprints.length; i++) {
      if (SimHash.distance(probe, fingerprints[i]) <= MAX_DISTANCE) {
        found = i;
      }
    }
    return found;
  }

  static NearDuplicates filledIndex(int articles) {
    NearDuplicates index = new NearDuplicates(MAX_DISTANCE);
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < articles; i++) {
      long fingerprint = random.nextLong();
      index.add(new NearDuplicates.Entry(String.format(Locale.ROOT, "u-%016x%016x", random.nextLong(), fingerprint), fingerprint, i));
    }
    return index;
  }

  public static void main(String[] args) throws Exception {
    Options options = JmhRuns.options(NearDuplicatesBenchmark.class, 1, "-Xmx1g");
    Collection<RunResult> results = new Runner(options).run();

    System.out.printf(Locale.ROOT, "%n%-20s %10s %14s %10s%n", "benchmark", "articles", "µs per lookup", "±");
    for (RunResult result : results) {
      String name = result.getParams().getBenchmark();
      System.out.printf(Locale.ROOT, "%-20s %,10d %14.1f %10.1f%n", name.substring(name.lastIndexOf('.') + 1),
          Integer.parseInt(result.getParams().getParam("articles")), result.getPrimaryResult().getScore(), result.getPrimaryResult().getScoreError());
    }
    for (int articles : new int[] {100_000, 1_000_000}) {
      System.out.printf(Locale.ROOT, "Index of %,d articles: %.0f bytes of heap per article%n", articles, heapBytes(articles) / (double) articles);
    }
  }

  /** Heap retained by an index of {@code articles}: used heap after a GC, with and without it held. */
  static long heapBytes(int articles) {
    long before = JmhRuns.usedHeapAfterGc();
    NearDuplicates held = filledIndex(articles);
    long after = JmhRuns.usedHeapAfterGc();
    if (held.size() != articles) {
      throw new IllegalStateException("expected " + articles + " indexed, found " + held.size());
    }
    return after - before;
  }
}
