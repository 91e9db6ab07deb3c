package dev.trendmill.ingest.source.pagedumps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trendmill.schemas.bench.JmhRuns;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One post of the shared blog corpus (read at test time, never copied into the repository) with what a page made
 * from it must give back: its title, the calendar day it was published and its author as a page shows the name.
 */
public record CorpusPost(String url, String title, LocalDate day, String author, String markdown) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> FILES = List.of("blog-corpus.jsonl", "blog-corpus-more.jsonl");
  private static final Pattern MARKDOWN_LINK = Pattern.compile("\\[([^\\[\\]]*)\\]\\([^)]*\\)");

  /** Which half a post belongs to, fixed by its URL before any tuning: the parser is tuned on DEV only. */
  public enum Half {
    DEV,
    TEST
  }

  /** The corpus files, where {@link JmhRuns#corpusPath} finds the first one. */
  public static List<Path> files() {
    Path first = JmhRuns.corpusPath();
    return FILES.stream().map(first::resolveSibling).toList();
  }

  /**
   * The posts that can be checked: a title that names the post (the corpus holds some whose title was lost in
   * export, shown as "|-") and a date.
   */
  public static List<CorpusPost> load() throws IOException {
    List<CorpusPost> posts = new ArrayList<>();
    for (Path file : files()) {
      try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        String line;
        while ((line = reader.readLine()) != null) {
          JsonNode node = JSON.readTree(line);
          String title = node.path("title").asText("").strip();
          LocalDate day = day(node.path("published_at").asText(""));
          if (title.chars().filter(Character::isLetter).count() < 3 || day == null) {
            continue;
          }
          posts.add(new CorpusPost(node.path("url").asText(), title, day, displayName(node.path("author").asText(null)), node.path("body").asText("")));
        }
      }
    }
    return posts;
  }

  /** DEV or TEST by a bit of the URL's SHA-256: stable across runs and machines, about half each. */
  public Half half() {
    return (seed() & 1) == 0 ? Half.DEV : Half.TEST;
  }

  /** A number drawn from the URL, for the choices made when the post becomes a page (template, date shape...). */
  public long seed() {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(hash).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The day as the record writes it (its own offset, if any), not shifted to UTC. */
  static LocalDate day(String publishedAt) {
    try {
      return OffsetDateTime.parse(publishedAt).toLocalDate();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(publishedAt).toLocalDate();
      } catch (DateTimeParseException again) {
        return null;
      }
    }
  }

  /** The author as a page shows it: Markdown links reduced to their text ("[Jane Doe](https://…) (Acme)"). */
  static String displayName(String author) {
    if (author == null || author.isBlank()) {
      return null;
    }
    String text = MARKDOWN_LINK.matcher(author).replaceAll(match -> Matcher.quoteReplacement(match.group(1)));
    text = text.replace("[", "").replace("]", "").replaceAll("\\s+", " ").strip();
    return text.replaceAll("[\\s,]+$", "");
  }
}
