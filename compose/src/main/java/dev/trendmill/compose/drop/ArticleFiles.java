package dev.trendmill.compose.drop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trendmill.ingest.source.FileArticles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads articles to drop from files: a {@code .json} file holds one object or an array of them, a {@code .jsonl} file
 * one record per line; a {@code .txt}, {@code .md} or {@code .html}/{@code .htm} file is one article, its title, date
 * and main text read by ingest's {@link FileArticles} (the date is the file's time, flagged inferred, when the page
 * names none). Lines of {@code .jsonl} are sent as they are, valid or not, so that ingest judges them and a
 * bad one lands in the dead-letter topic with its reason; a {@code .json} file that is not JSON is skipped with the
 * reason in the summary.
 */
public final class ArticleFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ArticleFiles() {}

  /** What a drop read: the records to send and the files skipped, with why. */
  public record Batch(List<byte[]> records, List<String> skipped) {
    public Batch {
      records = new ArrayList<>(records);
      skipped = new ArrayList<>(skipped);
    }

    void add(Batch other) {
      records.addAll(other.records);
      skipped.addAll(other.skipped);
    }
  }

  /** Reads files and directories (recursively, in name order); files that are not articles are listed as skipped. */
  public static Batch read(List<Path> paths) throws IOException {
    Batch batch = new Batch(List.of(), List.of());
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(path)) {
          files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
          // Other files in the folder are listed as skipped, so the summary accounts for every file.
          batch.add(readFile(file));
        }
      } else if (Files.isRegularFile(path)) {
        batch.add(readFile(path));
      } else {
        batch.skipped.add(path + ": no such file or directory");
      }
    }
    return batch;
  }

  private static Batch readFile(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    try (InputStream in = Files.newInputStream(file)) {
      if (name.endsWith(".jsonl")) {
        return readLines(in);
      }
      if (name.endsWith(".json")) {
        return readJson(in, file.toString());
      }
    }
    if (FileArticles.isTextArticle(file)) {
      FileArticles.Result page = FileArticles.read(file);
      return page.article() != null
          ? new Batch(List.of(page.article().toJson()), List.of())
          : new Batch(List.of(), List.of(file + ": " + page.skipped()));
    }
    return new Batch(List.of(), List.of(file + ": not a .json, .jsonl, .txt, .md or .html file"));
  }

  /** One record per non-blank line, bytes as they are. */
  public static Batch readLines(InputStream in) throws IOException {
    List<byte[]> records = new ArrayList<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    while ((line = reader.readLine()) != null) {
      if (!line.isBlank()) {
        records.add(line.strip().getBytes(StandardCharsets.UTF_8));
      }
    }
    return new Batch(records, List.of());
  }

  /** A JSON object, or an array whose elements are each one record. */
  public static Batch readJson(InputStream in, String origin) {
    JsonNode node;
    try {
      node = JSON.readTree(in);
    } catch (IOException e) {
      return new Batch(List.of(), List.of(origin + ": not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")"));
    }
    List<byte[]> records = new ArrayList<>();
    try {
      if (node != null && node.isArray()) {
        for (JsonNode element : node) {
          records.add(JSON.writeValueAsBytes(element));
        }
      } else if (node != null && !node.isMissingNode()) {
        records.add(JSON.writeValueAsBytes(node));
      } else {
        return new Batch(List.of(), List.of(origin + ": empty"));
      }
    } catch (IOException e) {
      return new Batch(List.of(), List.of(origin + ": " + e.getMessage()));
    }
    return new Batch(records, List.of());
  }
}
