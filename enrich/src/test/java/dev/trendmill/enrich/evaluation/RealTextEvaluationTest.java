package dev.trendmill.enrich.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trendmill.enrich.evaluation.RealTextEvaluation.Half;
import dev.trendmill.enrich.evaluation.RealTextEvaluation.Result;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real-text evaluation ({@link RealTextEvaluation}) as a build gate: prints both halves' figures and fails when
 * the test half drops below the floors, which sit just under the figures measured when they were set. Skips, saying
 * where it looked, when the shared corpora are not beside the project. {@code -Dreport=full} prints every miss and
 * false hit of both halves.
 */
class RealTextEvaluationTest {
  /** Just under the test half's figures when set (precision 0.914, recall 0.781; per type in the README). */
  private static final double PRECISION_FLOOR = 0.90;
  private static final double RECALL_FLOOR = 0.77;
  private static final Map<String, Double> TYPE_RECALL_FLOORS =
      Map.of("project", 0.84, "organization", 0.81, "person", 0.78, "product", 0.57, "event", 0.50);

  private static Map<Half, Result> results;

  @BeforeAll
  static void evaluate() throws IOException {
    Optional<Path> shared = RealTextEvaluation.sharedData();
    assumeTrue(shared.isPresent(), "Real-text evaluation skipped: the corpora " + RealTextEvaluation.CORPORA
        + " are not in ../shared/data (set -Dtrendmill.shared.data=DIR)");
    results = RealTextEvaluation.withBundledCatalog().evaluate(shared.get());
    boolean full = "full".equals(System.getProperty("report"));
    results.values().forEach(result -> System.out.println(RealTextEvaluation.report(result, full)));
  }

  @Test
  void everyLabelledPostIsScoredInOneHalfOrTheOther() {
    assertThat(results.get(Half.DEV).posts()).isGreaterThanOrEqualTo(40);
    assertThat(results.get(Half.TEST).posts()).isGreaterThanOrEqualTo(40);
  }

  @Test
  void testHalfStaysAboveTheFloors() {
    Result test = results.get(Half.TEST);
    assertThat(test.overall.precision()).as("precision over required entities").isGreaterThanOrEqualTo(PRECISION_FLOOR);
    assertThat(test.overall.recall()).as("recall over required entities").isGreaterThanOrEqualTo(RECALL_FLOOR);
    TYPE_RECALL_FLOORS.forEach((type, floor) ->
        assertThat(test.type(type).recall()).as("%s recall", type).isGreaterThanOrEqualTo(floor));
  }
}
