package dev.trendmill.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trendmill.schemas.avro.Article;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Languages#detect} against Lingua alone ({@link Languages#detectWithLinguaOnly}) on real text read at test
 * time and never copied into the repository: every article of the shared blog corpus must get the same answer, and
 * sampled translations in at least ten languages (Debian's gettext catalogues) must agree at least 99% of the time.
 * Each test is skipped where its data is not on the machine.
 */
final class LanguagesAgreementTest {
  private static final Path SHARED_DATA = Path.of(System.getProperty("trendmill.shared.dir", "../../shared"), "data");
  private static final List<String> CORPUS_FILES = List.of("blog-corpus.jsonl", "blog-corpus-more.jsonl");
  private static final Path LOCALES = Path.of(System.getProperty("trendmill.locale.dir", "/usr/share/locale"));
  /** Enough for a floor of 99% to mean something and a few seconds of Lingua; more with -Dtrendmill.language.texts=N. */
  private static final int TEXTS_PER_LANGUAGE = Integer.getInteger("trendmill.language.texts", 100);
  private static final double MIN_AGREEMENT = 0.99;
  /** A floor per language too, so that one language's failures do not hide in the others' average. */
  private static final double MIN_AGREEMENT_PER_LANGUAGE = 0.95;

  @Test
  void everyCorpusArticleGetsLinguasAnswer() throws IOException {
    List<Path> files = CORPUS_FILES.stream().map(SHARED_DATA::resolve).toList();
    assumeTrue(files.stream().allMatch(Files::isReadable), "the shared blog corpus at " + SHARED_DATA.toAbsolutePath());
    ArticleParser parser = new ArticleParser(1 << 20);
    List<String> differences = new ArrayList<>();
    Map<String, Integer> answers = new TreeMap<>();
    int articles = 0;
    int decidedByFunctionWords = 0;
    for (Path file : files) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        // The text ingest detects on, as the parser builds it from the cleaned title and body.
        Article article = parser.parse(line.getBytes(StandardCharsets.UTF_8), Instant.EPOCH);
        String text = article.getTitle() + "\n" + article.getBody();
        String lingua = Languages.detectWithLinguaOnly(text);
        articles++;
        answers.merge(String.valueOf(lingua), 1, Integer::sum);
        if (FunctionWords.clearLanguage(text.substring(0, Math.min(text.length(), Languages.MAX_CHARS))) != null) {
          decidedByFunctionWords++;
        }
        if (!Objects.equals(article.getLanguage(), lingua)) {
          differences.add(article.getUrl() + ": " + article.getLanguage() + " instead of " + lingua);
        }
      }
    }
    System.out.printf("language detection on the blog corpus: %d articles %s, %d decided by function words, %d answers differ from Lingua's%n",
        articles, answers, decidedByFunctionWords, differences.size());
    assertThat(articles).isGreaterThan(500);
    assertThat(differences).as("articles whose language differs from Lingua's").isEmpty();
  }

  @Test
  void translationsInTenLanguagesOrMoreGetLinguasAnswerAtLeast99PercentOfTheTime() throws Exception {
    Map<String, List<String>> texts = new LinkedHashMap<>(GettextCatalogs.sampleTexts(LOCALES, TEXTS_PER_LANGUAGE));
    assumeTrue(texts.size() >= 10, "gettext catalogues in ten languages or more under " + LOCALES);
    writtenForLanguagesTest().forEach((language, written) -> texts.computeIfAbsent(language, key -> new ArrayList<>()).addAll(written));

    Map<String, int[]> perLanguage = new TreeMap<>();
    List<String> differences = new ArrayList<>();
    int total = 0;
    int agreeing = 0;
    for (Map.Entry<String, List<String>> language : texts.entrySet()) {
      int[] counts = perLanguage.computeIfAbsent(language.getKey(), key -> new int[3]);
      for (String text : language.getValue()) {
        String lingua = Languages.detectWithLinguaOnly(text);
        String detected = Languages.detect(text);
        counts[0]++;
        total++;
        if (Objects.equals(detected, lingua)) {
          counts[1]++;
          agreeing++;
        } else {
          differences.add(language.getKey() + " text: " + detected + " instead of " + lingua + ": " + text.strip().lines().findFirst().orElse(""));
        }
        if (FunctionWords.clearLanguage(text.substring(0, Math.min(text.length(), Languages.MAX_CHARS))) != null) {
          counts[2]++;
        }
      }
    }
    System.out.printf("language detection on %d translated texts in %d languages: %.2f%% agree with Lingua; per language"
            + " (agreeing/texts, decided by function words): %s%n",
        total, perLanguage.size(), 100.0 * agreeing / total,
        perLanguage.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()[1] + "/" + e.getValue()[0] + " (" + e.getValue()[2] + ")").collect(Collectors.joining(", ")));
    differences.forEach(difference -> System.out.println("  " + difference));

    assertThat(perLanguage).hasSizeGreaterThanOrEqualTo(10);
    assertThat((double) agreeing / total).as("share of texts with Lingua's answer").isGreaterThanOrEqualTo(MIN_AGREEMENT);
    perLanguage.forEach((language, counts) ->
        assertThat((double) counts[1] / counts[0]).as("share of %s texts with Lingua's answer", language).isGreaterThanOrEqualTo(MIN_AGREEMENT_PER_LANGUAGE));
  }

  /** The texts written for {@link LanguagesTest}, read from its annotation so that they live in one place. */
  private static Map<String, List<String>> writtenForLanguagesTest() throws NoSuchMethodException {
    CsvSource source = LanguagesTest.class.getDeclaredMethod("theStartOfAnArticleTellsItsLanguage", String.class, String.class).getAnnotation(CsvSource.class);
    Map<String, List<String>> texts = new TreeMap<>();
    for (String row : source.value()) {
      String[] languageAndText = row.split("\\|", 2);
      texts.computeIfAbsent(languageAndText[0].strip(), key -> new ArrayList<>()).add(languageAndText[1].strip());
    }
    return texts;
  }
}
