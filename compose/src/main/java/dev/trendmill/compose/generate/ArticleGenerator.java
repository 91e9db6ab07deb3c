package dev.trendmill.compose.generate;

import dev.trendmill.enrich.catalog.BundledCatalog;
import dev.trendmill.enrich.extract.CatalogEntry;
import dev.trendmill.enrich.extract.EntityExtractor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic articles with ground truth: the same settings give the same articles, byte for byte. Each
 * has several hundred words of filler from {@link Vocabulary} and about ten catalog entities drawn from the
 * {@link EntityPool} with the weights of their {@link Popularity} at the article's time, so that popularity follows
 * the planted patterns. Articles come out one by one in publication order (within a few minutes of jitter), so any
 * number can be streamed in constant memory; the entities planted in each are given with it. Half the articles give
 * their language ("en") and half leave it out, as real producers mostly do, so that ingest detects it as it must for
 * them.
 */
public final class ArticleGenerator implements Iterable<GeneratedArticle> {
  /** What to generate: how many, from which seed, published over [start, start + span). */
  public record Settings(long articles, long seed, Instant start, Duration span) {
    public Settings {
      if (articles < 1) {
        throw new IllegalArgumentException("--articles must be at least 1");
      }
      if (span.isNegative() || span.isZero()) {
        throw new IllegalArgumentException("--span must be positive");
      }
    }

    public Instant end() {
      return start.plus(span);
    }
  }

  private static final int MIN_ENTITIES = 8;
  private static final int MAX_ENTITIES = 12;
  private static final int PARAGRAPHS = 4;
  private static final int SENTENCES = 5;
  private static final long JITTER_MS = Duration.ofMinutes(3).toMillis();

  private final Settings settings;
  private final EntityPool pool;

  public ArticleGenerator(Settings settings, EntityPool pool) {
    this.settings = settings;
    this.pool = pool;
  }

  /** A generator over the bundled catalog, with the extractor enrich uses to choose usable names. */
  public static ArticleGenerator withBundledCatalog(Settings settings) {
    List<CatalogEntry> catalog = BundledCatalog.load();
    return new ArticleGenerator(settings, EntityPool.draw(catalog, new EntityExtractor(catalog), settings.seed()));
  }

  public Settings settings() {
    return settings;
  }

  public EntityPool pool() {
    return pool;
  }

  @Override
  public Iterator<GeneratedArticle> iterator() {
    return new Iterator<>() {
      private long next;

      @Override
      public boolean hasNext() {
        return next < settings.articles();
      }

      @Override
      public GeneratedArticle next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return article(next++);
      }
    };
  }

  /** Article {@code index}, computed from the seed and the index alone. */
  public GeneratedArticle article(long index) {
    SplittableRandom random = new SplittableRandom(mix(mix(settings.seed()) + index));
    double x = (index + 0.5) / settings.articles();
    long spanMs = settings.span().toMillis();
    long at = settings.start().toEpochMilli() + (long) (x * spanMs) + random.nextLong(-JITTER_MS, JITTER_MS + 1);
    at = Math.max(settings.start().toEpochMilli(), Math.min(at, settings.end().toEpochMilli() - 1));
    List<EntityPool.Member> planted = choose(random, x, MIN_ENTITIES + random.nextInt(MAX_ENTITIES - MIN_ENTITIES + 1));

    String title = "A closer look at " + planted.get(0).name() + " and " + planted.get(1).name();
    // Each entity is named one to three times, in sentences spread over the body.
    List<String> mentions = new ArrayList<>();
    for (EntityPool.Member member : planted) {
      int times = 1 + random.nextInt(3);
      for (int k = 0; k < times; k++) {
        mentions.add(member.name());
      }
    }
    int total = PARAGRAPHS * SENTENCES;
    String[] naming = new String[total + mentions.size()];
    for (String name : mentions) {
      int slot;
      do {
        slot = random.nextInt(naming.length);
      } while (naming[slot] != null);
      naming[slot] = name;
    }
    StringBuilder body = new StringBuilder(3200);
    int perParagraph = (naming.length + PARAGRAPHS - 1) / PARAGRAPHS;
    for (int s = 0; s < naming.length; s++) {
      if (s > 0) {
        body.append(s % perParagraph == 0 ? "\n\n" : " ");
      }
      if (naming[s] == null) {
        Vocabulary.sentence(random, body);
      } else {
        Vocabulary.sentenceNaming(random, naming[s], body);
      }
    }
    // Drawn last, so that the text is the same whether or not the language is given.
    String language = random.nextBoolean() ? "en" : null;
    String id = "gen-" + settings.seed() + "-" + index;
    return new GeneratedArticle(
        id,
        "https://news.example.org/generated/" + settings.seed() + "/" + index,
        title,
        body.toString(),
        Instant.ofEpochMilli(at),
        "generated",
        language,
        planted.stream().map(EntityPool.Member::id).toList());
  }

  /**
   * A 64-bit finalizer (Stafford's mix 13), so that nearby seeds and indexes give unrelated streams: without it, seed
   * s + 1 at index i would replay seed s's stream shifted by one step, and ingest would find near-duplicates.
   */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** {@code k} distinct members, drawn with the weights of their popularity at {@code x}. */
  private List<EntityPool.Member> choose(SplittableRandom random, double x, int k) {
    List<EntityPool.Member> members = pool.members();
    double[] weights = new double[members.size()];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      weights[i] = members.get(i).popularity().weight(x);
      sum += weights[i];
    }
    List<EntityPool.Member> chosen = new ArrayList<>(k);
    for (int n = 0; n < k; n++) {
      double point = random.nextDouble() * sum;
      int i = 0;
      while (i < weights.length - 1 && (point -= weights[i]) >= 0) {
        i++;
      }
      while (weights[i] == 0) {
        i = (i + 1) % weights.length;
      }
      chosen.add(members.get(i));
      sum -= weights[i];
      weights[i] = 0;
    }
    return chosen;
  }
}
