package dev.trendmill.compose.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trendmill.compose.drop.ArticleFiles;
import dev.trendmill.compose.embedded.LocalStack;
import dev.trendmill.compose.embedded.StackSettings;
import dev.trendmill.compose.progress.PipelineProgress;
import dev.trendmill.compose.view.ViewClient;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole local stack stopped and started again on the same data directory resumes where it left off: the counts
 * are still there, the second half of the samples adds to them exactly, and the first half dropped again is
 * recognised as duplicates (ingest's de-duplication state survived). Its own stack, not the shared one: the point is
 * a full stop.
 */
class StackRestartIT {

  @Test
  void aRestartedStackKeepsItsCountsAndNeitherLosesNorRecountsArticles(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dataDir) throws Exception {
    StackSettings settings = StackSettings.randomPorts(dataDir);
    List<byte[]> samples;
    try (InputStream in = getClass().getResourceAsStream("/samples/cloud-native-news.jsonl")) {
      samples = ArticleFiles.readLines(in).records();
    }
    List<byte[]> firstHalf = samples.subList(0, 20);
    List<byte[]> secondHalf = samples.subList(20, samples.size());

    long mentionsBeforeStop;
    try (LocalStack stack = new LocalStack(settings, new PrintStream(System.out, true)).start()) {
      PipelineScenario.dropRecords(PipelineScenario.Endpoints.of(stack), firstHalf);
      mentionsBeforeStop = new ViewClient(settings.viewUrl()).stats().path("mentions").asLong();
      assertThat(mentionsBeforeStop).isPositive();
    }

    try (LocalStack stack = new LocalStack(settings, new PrintStream(System.out, true)).start()) {
      ViewClient view = new ViewClient(settings.viewUrl());
      assertThat(view.stats().path("mentions").asLong()).as("counts survive the restart").isEqualTo(mentionsBeforeStop);

      PipelineScenario.dropRecords(PipelineScenario.Endpoints.of(stack), secondHalf);
      PipelineProgress.Outcome again = PipelineScenario.dropRecords(PipelineScenario.Endpoints.of(stack), firstHalf);
      assertThat(again.duplicatesSuppressed()).as("the first half, dropped again, is recognised as duplicates").isEqualTo(firstHalf.size());
      assertThat(again.articles()).isZero();

      Map<String, Long> counts = new HashMap<>();
      view.trends("all", 1000).path("trends").forEach(row -> counts.put(row.path("id").asText(), row.path("count").asLong()));
      assertThat(counts).isEqualTo(PipelineScenario.expectedCounts());
    }
  }
}
