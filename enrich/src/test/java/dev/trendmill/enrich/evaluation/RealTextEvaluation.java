package dev.trendmill.enrich.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trendmill.enrich.catalog.BundledCatalog;
import dev.trendmill.enrich.extract.CatalogEntry;
import dev.trendmill.enrich.extract.EntityExtractor;
import dev.trendmill.enrich.extract.ExtractedEntity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The extractor scored on real blog posts against hand-written labels ({@code evaluation/real/labels.jsonl}; the
 * policy, the choice of posts, the dev/test split and the scoring rules are in that folder's README). The posts' text
 * is read from the shared corpora beside the project, never from the repository.
 *
 * <p>Print the full report, both halves, every miss and false hit:
 * {@code ./mvnw -q -pl enrich test -Dtest=RealTextEvaluationTest -Dreport=full}.
 */
public final class RealTextEvaluation {
  public static final List<String> CORPORA = List.of("blog-corpus.jsonl", "blog-corpus-more.jsonl");
  public static final List<String> REQUIRED_TYPES =
      List.of("project", "product", "organization", "person", "event", "location");

  /** Which half of the set a post is in, fixed by its URL before any tuning (see the README). */
  public enum Half {
    DEV,
    TEST;

    static Half of(String url) {
      byte[] digest = sha256("split:" + url);
      long first = ((digest[0] & 0xffL) << 24) | ((digest[1] & 0xffL) << 16) | ((digest[2] & 0xffL) << 8) | (digest[3] & 0xffL);
      return (first & 1) == 1 ? TEST : DEV;
    }
  }

  /** True positives, false positives and false negatives. */
  public static final class Score {
    int tp;
    int fp;
    int fn;

    public double precision() {
      return tp + fp == 0 ? 1.0 : tp / (double) (tp + fp);
    }

    public double recall() {
      return tp + fn == 0 ? 1.0 : tp / (double) (tp + fn);
    }

    public int tp() {
      return tp;
    }

    public int fp() {
      return fp;
    }

    public int fn() {
      return fn;
    }
  }

  /** One half's figures: recall by label type, precision by extracted type, overall, and every error. */
  public static final class Result {
    public final Half half;
    public final Map<String, Score> byType = new TreeMap<>();
    public final Score overall = new Score();
    public final List<String> errors = new ArrayList<>();
    int posts;

    Result(Half half) {
      this.half = half;
    }

    public Score type(String type) {
      return byType.computeIfAbsent(type, t -> new Score());
    }

    public int posts() {
      return posts;
    }
  }

  /** One label: its type and every folded form that names it. */
  record Label(String type, String name, Set<String> keys, Set<String> ids) {}

  private final EntityExtractor extractor;
  private final Map<String, List<String>> idsByName = new HashMap<>();
  private final Map<String, List<String>> idsByAlias = new HashMap<>();

  public RealTextEvaluation(List<CatalogEntry> catalog) {
    this.extractor = new EntityExtractor(catalog);
    for (CatalogEntry entry : catalog) {
      idsByName.computeIfAbsent(fold(entry.name()), k -> new ArrayList<>()).add(entry.id());
      for (String alias : entry.aliases()) {
        idsByAlias.computeIfAbsent(fold(alias), k -> new ArrayList<>()).add(entry.id());
      }
    }
  }

  public static RealTextEvaluation withBundledCatalog() {
    return new RealTextEvaluation(BundledCatalog.load());
  }

  /** The shared data folder if it holds the corpora, seen from the module or from the project's root. */
  public static Optional<Path> sharedData() {
    String configured = System.getProperty("trendmill.shared.data");
    List<String> candidates = configured == null ? List.of("../shared/data", "../../shared/data") : List.of(configured);
    for (String candidate : candidates) {
      Path dir = Path.of(candidate);
      if (CORPORA.stream().allMatch(name -> Files.isRegularFile(dir.resolve(name)))) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }

  /** Scores every labelled post found in the corpora, per half. */
  public Map<Half, Result> evaluate(Path sharedData) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, JsonNode> posts = new HashMap<>();
    for (String corpus : CORPORA) {
      for (String line : Files.readAllLines(sharedData.resolve(corpus), StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          JsonNode post = json.readTree(line);
          posts.put(post.path("url").asText(), post);
        }
      }
    }
    Map<Half, Result> results = new TreeMap<>();
    for (Half half : Half.values()) {
      results.put(half, new Result(half));
    }
    for (JsonNode labels : readLabels(json)) {
      String url = labels.path("url").asText();
      JsonNode post = posts.get(url);
      if (post == null) {
        throw new IllegalStateException("A labelled post is not in the corpora: " + url);
      }
      Result result = results.get(Half.of(url));
      result.posts++;
      score(url, post, labels, result);
    }
    return results;
  }

  private void score(String url, JsonNode post, JsonNode labels, Result result) {
    List<Label> required = labels(labels.path("required"));
    List<Label> ignored = new ArrayList<>(labels(labels.path("optional")));
    ignored.addAll(labels(labels.path("neutral")));
    List<ExtractedEntity> found = extractor.extract(post.path("title").asText(""), post.path("body").asText(""));
    boolean[] matched = new boolean[required.size()];
    String where = shortUrl(url);
    for (ExtractedEntity entity : found) {
      int hit = firstMatch(required, entity);
      if (hit >= 0) {
        if (!matched[hit]) {
          matched[hit] = true;
          result.type(required.get(hit).type()).tp++;
          result.overall.tp++;
        }
      } else if (firstMatch(ignored, entity) < 0) {
        result.type(entity.type()).fp++;
        result.overall.fp++;
        result.errors.add(where + "  false hit  " + entity.id() + " (" + entity.name() + ")");
      }
    }
    for (int i = 0; i < required.size(); i++) {
      if (!matched[i]) {
        Label label = required.get(i);
        result.type(label.type()).fn++;
        result.overall.fn++;
        result.errors.add(where + "  missed     " + label.type() + " " + label.name());
      }
    }
  }

  private static int firstMatch(List<Label> labels, ExtractedEntity entity) {
    String key = fold(entity.name());
    for (int i = 0; i < labels.size(); i++) {
      Label label = labels.get(i);
      if (label.ids().contains(entity.id()) || label.keys().contains(key)) {
        return i;
      }
    }
    return -1;
  }

  private List<Label> labels(JsonNode array) {
    List<Label> labels = new ArrayList<>();
    for (JsonNode node : array) {
      String name = node.path("name").asText();
      Set<String> keys = new LinkedHashSet<>();
      keys.add(fold(name));
      node.path("aka").forEach(aka -> keys.add(fold(aka.asText())));
      keys.remove("");
      Set<String> ids = new LinkedHashSet<>();
      for (String key : keys) {
        List<String> byName = idsByName.get(key);
        ids.addAll(byName != null ? byName : idsByAlias.getOrDefault(key, List.of()));
      }
      labels.add(new Label(node.path("type").asText(), name, keys, ids));
    }
    return labels;
  }

  private static List<JsonNode> readLabels(ObjectMapper json) throws IOException {
    List<JsonNode> labels = new ArrayList<>();
    try (InputStream in = RealTextEvaluation.class.getResourceAsStream("/evaluation/real/labels.jsonl")) {
      if (in == null) {
        throw new IllegalStateException("evaluation/real/labels.jsonl is missing from the test classpath");
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          labels.add(json.readTree(line));
        }
      }
    }
    return labels;
  }

  /** "OpenTelemetry’s" and "opentelemetry" fold alike: accents dropped, lower case, letters and digits only. */
  static String fold(String name) {
    String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(plain.length());
    for (int i = 0; i < plain.length(); i++) {
      char c = plain.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String shortUrl(String url) {
    return url.replaceFirst("^https?://", "").replaceFirst("/$", "");
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The report of one half: a row per type (recall by label type, precision by extracted type), then the errors. */
  public static String report(Result result, boolean withErrors) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%n%s half: %d posts, extractor %s%n", result.half, result.posts, EntityExtractor.VERSION));
    out.append(String.format(Locale.ROOT, "%-14s %5s %5s %5s %10s %8s%n", "type", "tp", "fp", "fn", "precision", "recall"));
    result.byType.forEach((type, s) -> out.append(row(type, s)));
    out.append(row("required", result.overall));
    if (withErrors) {
      result.errors.stream().sorted().forEach(e -> out.append("  ").append(e).append('\n'));
    }
    return out.toString();
  }

  private static String row(String type, Score s) {
    return String.format(Locale.ROOT, "%-14s %5d %5d %5d %10.3f %8.3f%n", type, s.tp, s.fp, s.fn, s.precision(), s.recall());
  }
}
