package dev.trendmill.compose.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trendmill.enrich.catalog.BundledCatalog;
import dev.trendmill.enrich.extract.CatalogEntry;
import dev.trendmill.enrich.extract.EntityExtractor;
import dev.trendmill.enrich.extract.ExtractedEntity;
import dev.trendmill.ingest.dedup.SimHash;
import dev.trendmill.ingest.normalize.ArticleParser;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generator's ground truth is the truth: enrich's real extractor finds exactly the planted entities. */
class ArticleGeneratorTest {
  private static List<CatalogEntry> catalog;
  private static EntityExtractor extractor;

  @BeforeAll
  static void loadCatalog() {
    catalog = BundledCatalog.load();
    extractor = new EntityExtractor(catalog);
  }

  private static ArticleGenerator generator(long articles, long seed) {
    ArticleGenerator.Settings settings = new ArticleGenerator.Settings(articles, seed, Instant.parse("2025-03-01T00:00:00Z"), Duration.ofDays(10));
    return new ArticleGenerator(settings, EntityPool.draw(catalog, extractor, seed));
  }

  @Test
  void fillerWordsNameNothingEvenBesideContext() {
    assertThat(Vocabulary.wordsNamingSomething(extractor)).isEmpty();
  }

  @Test
  void theExtractorFindsExactlyThePlantedEntities() {
    for (long seed : new long[] {1, 7, 42}) {
      for (GeneratedArticle article : generator(400, seed)) {
        Set<String> found = extractor.extract(article.title(), article.body()).stream().map(ExtractedEntity::id).collect(Collectors.toSet());
        assertThat(found).as("%s: %s%n%s", article.id(), article.title(), article.body()).isEqualTo(Set.copyOf(article.entityIds()));
      }
    }
  }

  @Test
  void articlesAreRealisticInSizeAndEntityCount() {
    for (GeneratedArticle article : generator(200, 3)) {
      int words = article.body().split("\\s+").length;
      assertThat(words).isBetween(250, 800);
      assertThat(article.entityIds()).hasSizeBetween(8, 12).doesNotHaveDuplicates();
      assertThat(article.publishedAt()).isBetween(Instant.parse("2025-03-01T00:00:00Z"), Instant.parse("2025-03-11T00:00:00Z"));
    }
  }

  @Test
  void halfTheArticlesLeaveTheirLanguageToIngestWhichFindsEnglish() {
    ArticleParser parser = new ArticleParser(1 << 20);
    List<GeneratedArticle> articles = new ArrayList<>();
    generator(400, 21).forEach(articles::add);
    List<GeneratedArticle> withoutLanguage = articles.stream().filter(article -> article.language() == null).toList();

    assertThat(withoutLanguage).hasSizeBetween(160, 240);
    assertThat(articles).filteredOn(article -> article.language() != null).allMatch(article -> article.language().equals("en"));
    for (GeneratedArticle article : withoutLanguage) {
      assertThat(new String(article.toJson(), StandardCharsets.UTF_8)).doesNotContain("\"language\"");
      assertThat(parser.parse(article.toJson(), Instant.parse("2025-03-11T00:00:00Z")).getLanguage()).as(article.id()).isEqualTo("en");
    }
  }

  @Test
  void theSameSeedGivesTheSameArticlesAndAnotherSeedOthers() {
    List<GeneratedArticle> first = new ArrayList<>();
    generator(50, 11).forEach(first::add);
    List<GeneratedArticle> again = new ArrayList<>();
    generator(50, 11).forEach(again::add);
    assertThat(again).isEqualTo(first);
    assertThat(generator(50, 12).article(0).body()).isNotEqualTo(first.get(0).body());
  }

  @Test
  void noTwoArticlesAreNearDuplicatesForIngest() {
    List<Long> fingerprints = new ArrayList<>();
    // Neighbouring seeds too: tests run one seed after another on the same stack.
    for (long seed = 5; seed < 8; seed++) {
      for (GeneratedArticle article : generator(150, seed)) {
        fingerprints.add(SimHash.of(article.title() + "\n" + article.body()));
      }
    }
    int closest = 64;
    for (int i = 0; i < fingerprints.size(); i++) {
      for (int j = i + 1; j < fingerprints.size(); j++) {
        closest = Math.min(closest, Long.bitCount(fingerprints.get(i) ^ fingerprints.get(j)));
      }
    }
    assertThat(closest).as("closest SimHash distance").isGreaterThan(12);
    assertThat(new HashSet<>(fingerprints)).hasSize(450);
  }

  @Test
  void plantedPatternsShowInTheGroundTruth() throws Exception {
    ArticleGenerator generator = generator(3000, 9);
    GroundTruth truth = GroundTruth.withDefaultSettings(generator.pool());
    generator.forEach(truth::add);
    assertThat(truth.articles()).isEqualTo(3000);
    assertThat(truth.allTime().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(truth.mentions());

    Set<String> bursts = ids(generator.pool(), Popularity.BURST);
    Set<String> steady = ids(generator.pool(), Popularity.STEADY);
    // The bursts lead the 24h board at the end; steady entities lead the all-time board.
    assertThat(truth.top("24h", truth.latest(), bursts.size()).stream().map(s -> s.id()).toList()).containsExactlyInAnyOrderElementsOf(bursts);
    assertThat(truth.top("all", truth.latest(), 5).stream().map(s -> s.id()).toList()).allMatch(steady::contains);
    // Windowed counts agree with a plain count over the articles.
    String burst = bursts.iterator().next();
    var horizon = truth.horizons().stream().filter(h -> h.name().equals("24h")).findFirst().orElseThrow();
    var window = horizon.windowAt(truth.latest().toEpochMilli());
    long plain = 0;
    for (GeneratedArticle a : generator) {
      long t = a.publishedAt().toEpochMilli();
      if (t >= window.start() && t < window.end() && a.entityIds().contains(burst)) {
        plain++;
      }
    }
    assertThat(truth.measure(burst, horizon, truth.latest()).count()).isEqualTo(plain);

    ByteArrayOutputStream json = new ByteArrayOutputStream();
    truth.writeJson(json, generator.settings());
    assertThat(json.toString()).contains("\"top\"", "\"buckets\"", "\"pattern\" : \"burst\"");
  }

  private static Set<String> ids(EntityPool pool, Popularity popularity) {
    return pool.members().stream().filter(m -> m.popularity() == popularity).map(EntityPool.Member::id).collect(Collectors.toSet());
  }
}
