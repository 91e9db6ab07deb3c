package dev.trendmill.compose.cmd;

import dev.trendmill.aggregate.score.Horizon;
import dev.trendmill.compose.embedded.StackException;
import dev.trendmill.compose.generate.ArticleGenerator;
import dev.trendmill.compose.generate.GeneratedArticle;
import dev.trendmill.compose.generate.GroundTruth;
import dev.trendmill.compose.kafka.RawClients;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trendmill generate}: deterministic synthetic articles with planted popularity patterns, to a JSON-lines file
 * or straight onto {@code articles.inbox}, and beside them the ground truth (expected counts per entity and window,
 * and the expected leaderboards) as JSON. Streams: memory does not grow with {@code --articles}.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Generate realistic articles naming catalog entities whose popularity follows planted patterns (steady, rising,",
      "a burst, decaying), with the exact counts the pipeline must show for them. The same --seed gives the same articles."
    })
public final class GenerateCommand implements Callable<Integer> {
  @Option(names = "--articles", paramLabel = "N", required = true, description = "How many articles.")
  long articles;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--start", paramLabel = "INSTANT", defaultValue = "2025-01-01T00:00:00Z", description = "Earliest publication time (default: ${DEFAULT-VALUE}).")
  Instant start;

  @Option(names = "--span", paramLabel = "DURATION", defaultValue = "7d", description = "Publication times spread over this long, e.g. 36h, 7d (default: ${DEFAULT-VALUE}).")
  String span;

  @Option(names = "--rate", paramLabel = "R", defaultValue = "0", description = "Articles per second to send or write; 0 for as fast as possible (default).")
  double rate;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  static final class Target {
    @Option(names = "--out", paramLabel = "FILE", description = "Write the articles as JSON lines to FILE ('-' for stdout).")
    String out;

    @Option(names = "--to-topic", description = "Send the articles to the pipeline's inbox topic.")
    boolean toTopic;
  }

  @Option(names = "--expected", paramLabel = "FILE", description = "Where to write the ground truth (default: FILE.expected.json beside --out, else generated-<seed>.expected.json).")
  Path expected;

  /** Where --to-topic sends. */
  @Mixin KafkaOptions kafka;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    ArticleGenerator generator = ArticleGenerator.withBundledCatalog(new ArticleGenerator.Settings(articles, seed, start, Horizon.parseDuration(span)));
    GroundTruth truth = GroundTruth.withDefaultSettings(generator.pool());
    Path truthFile = expected != null ? expected : defaultTruthFile();
    Pacer pacer = new Pacer(rate);
    if (target.toTopic) {
      String topic = kafka.topics().inbox();
      AtomicReference<Exception> failure = new AtomicReference<>();
      try (KafkaProducer<byte[], byte[]> producer = producer()) {
        for (GeneratedArticle article : generator) {
          pacer.await();
          truth.add(article);
          producer.send(new ProducerRecord<>(topic, article.id().getBytes(java.nio.charset.StandardCharsets.UTF_8), article.toJson()), (md, e) -> {
            if (e != null) {
              failure.compareAndSet(null, e);
            }
          });
          if (failure.get() != null) {
            break;
          }
        }
        producer.flush();
      }
      if (failure.get() != null) {
        throw new StackException("Cannot send to " + topic + " at " + kafka.bootstrapServer + ": " + failure.get().getMessage());
      }
      out.printf("Sent %d articles to %s at %s.%n", truth.articles(), topic, kafka.bootstrapServer);
    } else {
      boolean stdout = target.out.equals("-");
      try (OutputStream sink = stdout ? new java.io.FilterOutputStream(System.out) { @Override public void close() throws java.io.IOException { flush(); } } : new BufferedOutputStream(Files.newOutputStream(Path.of(target.out)), 1 << 16)) {
        OutputStream buffered = stdout ? new BufferedOutputStream(sink, 1 << 16) : sink;
        for (GeneratedArticle article : generator) {
          pacer.await();
          truth.add(article);
          buffered.write(article.toJson());
          buffered.write('\n');
        }
        buffered.flush();
      }
    }
    try (OutputStream json = new BufferedOutputStream(Files.newOutputStream(truthFile))) {
      truth.writeJson(json, generator.settings());
    }
    PrintWriter report = target.toTopic || !target.out.equals("-") ? out : spec.commandLine().getErr();
    report.printf("%d articles, %d entity mentions, published %s to %s; ground truth in %s%n", truth.articles(), truth.mentions(), start, truth.latest(), truthFile);
    report.flush();
    return 0;
  }

  private Path defaultTruthFile() {
    if (target.out != null && !target.out.equals("-")) {
      String name = target.out.replaceFirst("\\.jsonl?$", "");
      return Path.of(name + ".expected.json");
    }
    return Path.of("generated-" + seed + ".expected.json");
  }

  private KafkaProducer<byte[], byte[]> producer() {
    return RawClients.idempotentProducer(
        kafka.bootstrapServer,
        Map.of(
            ProducerConfig.LINGER_MS_CONFIG, 10,
            ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
            ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
            ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000));
  }

  /** Holds a steady rate by waiting for each item's slot on a fixed schedule; no wait when the rate is 0. */
  static final class Pacer {
    private final long intervalNanos;
    private long next = System.nanoTime();

    Pacer(double perSecond) {
      this.intervalNanos = perSecond <= 0 ? 0 : (long) (1e9 / perSecond);
    }

    void await() {
      if (intervalNanos == 0) {
        return;
      }
      long wait;
      while ((wait = next - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      next += intervalNanos;
    }
  }
}
