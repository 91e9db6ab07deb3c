package dev.trendmill.enrich.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trendmill.enrich.catalog.BundledCatalog;
import dev.trendmill.enrich.extract.EntityExtractor;
import dev.trendmill.enrich.extract.ExtractedEntity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the extractor with the bundled catalog on the hand-labelled evaluation set
 * ({@code evaluation/articles.jsonl}, written for Trendmill, see its README), per entity type and overall, counted
 * over (article, entity) pairs. Prints the report and every miss and false hit; fails below the floors, which sit just
 * under the figures measured when the floors were set. Run it alone with
 * {@code ./mvnw -q -pl enrich test -Dtest=ExtractionEvaluationTest}.
 */
class ExtractionEvaluationTest {
  /** The types the target (precision and recall ≥ 0.90) is about. */
  private static final List<String> KEY_TYPES = List.of("project", "organization", "person", "event");
  private static final double KEY_FLOOR = 0.90;
  /** Measured 0.991 / 0.978 (227 tp, 2 fp, 5 fn) when set. */
  private static final double OVERALL_PRECISION_FLOOR = 0.97;
  private static final double OVERALL_RECALL_FLOOR = 0.96;

  private static Map<String, Score> byType;
  private static Score overall;

  /** True positives, false positives and false negatives of one type. */
  static final class Score {
    int tp;
    int fp;
    int fn;

    double precision() {
      return tp + fp == 0 ? 1.0 : tp / (double) (tp + fp);
    }

    double recall() {
      return tp + fn == 0 ? 1.0 : tp / (double) (tp + fn);
    }
  }

  @BeforeAll
  static void evaluate() throws IOException {
    EntityExtractor extractor = new EntityExtractor(BundledCatalog.load());
    byType = new TreeMap<>();
    overall = new Score();
    List<String> errors = new ArrayList<>();
    int articles = 0;
    ObjectMapper json = new ObjectMapper();
    try (InputStream in = ExtractionEvaluationTest.class.getResourceAsStream("/evaluation/articles.jsonl")) {
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        articles++;
        JsonNode article = json.readTree(line);
        Set<String> expected = new TreeSet<>();
        article.path("entities").forEach(id -> expected.add(id.asText()));
        Set<String> found = new TreeSet<>();
        for (ExtractedEntity entity : extractor.extract(article.path("title").asText(), article.path("body").asText())) {
          found.add(entity.id());
        }
        Set<String> all = new HashSet<>(expected);
        all.addAll(found);
        for (String id : all) {
          Score score = byType.computeIfAbsent(type(id), t -> new Score());
          if (expected.contains(id) && found.contains(id)) {
            score.tp++;
            overall.tp++;
          } else if (found.contains(id)) {
            score.fp++;
            overall.fp++;
            errors.add(article.path("id").asText() + "  false hit  " + id);
          } else {
            score.fn++;
            overall.fn++;
            errors.add(article.path("id").asText() + "  missed     " + id);
          }
        }
      }
    }
    StringBuilder report = new StringBuilder();
    report.append(String.format(Locale.ROOT, "%nExtraction evaluation: %d articles, extractor %s%n", articles, EntityExtractor.VERSION));
    report.append(String.format(Locale.ROOT, "%-14s %5s %5s %5s %10s %8s%n", "type", "tp", "fp", "fn", "precision", "recall"));
    byType.forEach((type, s) -> report.append(row(type, s)));
    report.append(row("overall", overall));
    errors.stream().sorted().forEach(e -> report.append("  ").append(e).append('\n'));
    System.out.println(report);
  }

  private static String row(String type, Score s) {
    return String.format(Locale.ROOT, "%-14s %5d %5d %5d %10.3f %8.3f%n", type, s.tp, s.fp, s.fn, s.precision(), s.recall());
  }

  /** "person~:jane-doe" → person. */
  private static String type(String id) {
    String type = id.substring(0, id.indexOf(':'));
    return type.endsWith("~") ? type.substring(0, type.length() - 1) : type;
  }

  @Test
  void keyTypesMeetTheTarget() {
    for (String type : KEY_TYPES) {
      Score s = byType.get(type);
      assertThat(s).as(type).isNotNull();
      assertThat(s.precision()).as("%s precision", type).isGreaterThanOrEqualTo(KEY_FLOOR);
      assertThat(s.recall()).as("%s recall", type).isGreaterThanOrEqualTo(KEY_FLOOR);
    }
  }

  @Test
  void overallStaysAboveTheFloor() {
    assertThat(overall.precision()).isGreaterThanOrEqualTo(OVERALL_PRECISION_FLOOR);
    assertThat(overall.recall()).isGreaterThanOrEqualTo(OVERALL_RECALL_FLOOR);
  }
}
