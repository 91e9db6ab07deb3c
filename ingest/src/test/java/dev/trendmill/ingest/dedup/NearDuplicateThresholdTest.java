package dev.trendmill.ingest.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trendmill.ingest.IngestConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The data behind the default near-duplicate distance: on the shared blog corpus (real articles of the domain, read
 * at test time and never copied into the repository), light edits of each article (syndication footer, new title,
 * a few words changed, a paragraph cut, a sentence added) must fall within the threshold, and every pair of
 * different articles outside it. Skipped where the corpus is not beside the repository.
 */
final class NearDuplicateThresholdTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path CORPUS = Path.of(System.getProperty("trendmill.shared.dir", "../../shared"), "data", "blog-corpus.jsonl");

  @Test
  void theDefaultThresholdSeparatesLightEditsFromDifferentArticles() throws IOException {
    assumeTrue(Files.isReadable(CORPUS), "the shared blog corpus at " + CORPUS.toAbsolutePath());
    int threshold = new IngestConfig(Map.of()).nearDuplicateMaxDistance();
    int minWords = new IngestConfig(Map.of()).nearDuplicateMinWords();
    List<String> texts = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(CORPUS, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        JsonNode node = JSON.readTree(line);
        String text = node.path("title").asText() + "\n" + node.path("body").asText();
        if (SimHash.words(text).size() >= minWords) {
          texts.add(text);
        }
      }
    }
    List<Long> fingerprints = texts.stream().map(SimHash::of).toList();
    int closestDifferent = 64;
    int[] histogram = new int[65];
    for (int i = 0; i < fingerprints.size(); i++) {
      for (int j = i + 1; j < fingerprints.size(); j++) {
        if (texts.get(i).equals(texts.get(j))) {
          continue;
        }
        int distance = SimHash.distance(fingerprints.get(i), fingerprints.get(j));
        histogram[distance]++;
        closestDifferent = Math.min(closestDifferent, distance);
      }
    }
    Random random = new Random(42);
    int farthestEdit = 0;
    int[] editHistogram = new int[65];
    for (int i = 0; i < texts.size(); i++) {
      for (String edited : lightEdits(texts.get(i), random)) {
        int distance = SimHash.distance(fingerprints.get(i), SimHash.of(edited));
        editHistogram[distance]++;
        farthestEdit = Math.max(farthestEdit, distance);
      }
    }
    System.out.printf(
        "near-duplicate threshold %d: %d articles; light edits at most %d bits apart %s; different articles at least %d apart %s%n",
        threshold, texts.size(), farthestEdit, compact(editHistogram), closestDifferent, compact(histogram));
    assertThat(texts).hasSizeGreaterThan(100);
    assertThat(closestDifferent).as("closest pair of different articles").isGreaterThan(threshold);
    assertThat(percentileAtMost(editHistogram, threshold)).as("share of light edits within the threshold").isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void theSampleArticlesAreNotNearDuplicatesOfEachOther() throws IOException {
    Path samples = Path.of("../compose/src/main/resources/samples/cloud-native-news.jsonl");
    assumeTrue(Files.isReadable(samples), "the bundled samples at " + samples.toAbsolutePath());
    IngestConfig config = new IngestConfig(Map.of());
    List<Long> fingerprints = new ArrayList<>();
    for (String line : Files.readAllLines(samples, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        JsonNode node = JSON.readTree(line);
        fingerprints.add(SimHash.of(node.path("title").asText() + "\n" + node.path("body").asText()));
      }
    }
    NearDuplicates index = new NearDuplicates(config.nearDuplicateMaxDistance());
    for (int i = 0; i < fingerprints.size(); i++) {
      assertThat(index.nearest(fingerprints.get(i))).as("sample %d", i).isEmpty();
      index.add(new NearDuplicates.Entry("s" + i, fingerprints.get(i), i));
    }
    assertThat(index.size()).isEqualTo(40);
  }

  /** Edits a syndicating site or a copy editor makes; the article stays the same story. */
  static List<String> lightEdits(String text, Random random) {
    String[] lines = text.split("\n", 2);
    String body = lines.length > 1 ? lines[1] : "";
    List<String> edits = new ArrayList<>();
    edits.add(text + "\n\nThis story originally appeared on Example Tech News. Republished with permission.");
    edits.add("Syndicated: " + lines[0] + " (updated)\n" + body);
    edits.add(replaceWords(text, 3, random));
    String[] paragraphs = text.split("\n\n");
    if (paragraphs.length > 4) {
      edits.add(String.join("\n\n", java.util.Arrays.copyOf(paragraphs, paragraphs.length - 1)));
    }
    edits.add(lines[0] + "\nEditor's note: this article was updated with a comment from the maintainers.\n" + body);
    return edits;
  }

  private static String replaceWords(String text, int count, Random random) {
    String[] words = text.split(" ");
    for (int i = 0; i < count; i++) {
      words[random.nextInt(words.length)] = "edited" + i;
    }
    return String.join(" ", words);
  }

  private static double percentileAtMost(int[] histogram, int threshold) {
    long total = 0;
    long within = 0;
    for (int d = 0; d < histogram.length; d++) {
      total += histogram[d];
      if (d <= threshold) {
        within += histogram[d];
      }
    }
    return (double) within / total;
  }

  private static String compact(int[] histogram) {
    StringBuilder out = new StringBuilder("{");
    for (int d = 0; d < histogram.length; d++) {
      if (histogram[d] > 0) {
        out.append(d).append('=').append(histogram[d]).append(' ');
      }
    }
    return out.toString().strip() + "}";
  }
}
