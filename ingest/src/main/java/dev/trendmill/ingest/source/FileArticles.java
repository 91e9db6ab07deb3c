package dev.trendmill.ingest.source;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trendmill.ingest.normalize.HtmlText;
import dev.trendmill.ingest.normalize.PageFurniture;
import dev.trendmill.ingest.normalize.PublishedAt;
import dev.trendmill.ingest.normalize.TextCleaner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A text file as an article: {@code .txt}, {@code .md} and {@code .html}/{@code .htm} become the inbox JSON of one
 * article. The title is the HTML {@code <title>} (or first heading), the Markdown heading, or the first line of
 * text that is not page furniture; {@code published_at} is the date in the page's metadata, its first lines or its
 * byline ({@link DateFinder}), else the file's modification time with {@code published_at_inferred: true}; the body
 * is the main text. Pure apart from reading the file: no Kafka, shared by {@code trendmill drop} and ingest.
 */
public final class FileArticles {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern BYLINE = Pattern.compile("(?i)^(?:written\\s+)?by\\s+([\\p{L}][\\p{L}.'’-]*(?:\\s+[\\p{L}][\\p{L}.'’-]*){0,3})");
  private static final Pattern MD_HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern MD_SETEXT = Pattern.compile("^(=+|-+)\\s*$");
  private static final Pattern MD_LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\([^)]*\\)");
  private static final Pattern MD_EMPHASIS = Pattern.compile("(\\*\\*|__|\\*|`)(.+?)\\1");
  private static final Pattern DATE_META =
      Pattern.compile("(?i)article:published_time|og:published_time|datepublished|date|pubdate|publishdate|dc\\.date|dcterms\\.created|sailthru\\.date|parsely-pub-date");

  private FileArticles() {}

  /** One article read from a file, ready to become inbox JSON. */
  public record FileArticle(String title, String body, Instant publishedAt, boolean publishedAtInferred, String author) {
    /** The inbox JSON object (UTF-8), as any producer would send it. */
    public byte[] toJson() {
      ObjectNode node = JSON.createObjectNode();
      node.put("title", title);
      node.put("body", body);
      node.put("published_at", publishedAt.toString());
      node.put("published_at_inferred", publishedAtInferred);
      if (author != null) {
        node.put("author", author);
      }
      try {
        return JSON.writeValueAsBytes(node);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** An article, or why the file gives none. */
  public record Result(FileArticle article, String skipped) {
    static Result skip(String reason) {
      return new Result(null, reason);
    }

    static Result ofArticle(FileArticle article) {
      return new Result(article, null);
    }
  }

  /** Whether {@link #read} handles the file: {@code .txt}, {@code .md}, {@code .markdown}, {@code .html}, {@code .htm}. */
  public static boolean isTextArticle(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".txt") || name.endsWith(".md") || name.endsWith(".markdown") || isHtml(name);
  }

  private static boolean isHtml(String name) {
    return name.endsWith(".html") || name.endsWith(".htm");
  }

  /** Reads a file; bytes that are not UTF-8 are replaced, not fatal. */
  public static Result read(Path file) throws IOException {
    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    Instant modified = Files.getLastModifiedTime(file).toInstant();
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (isHtml(name)) {
      return fromHtml(text, modified);
    }
    return fromText(text, modified, name.endsWith(".md") || name.endsWith(".markdown"));
  }

  /** A page: title, date and main text from its HTML. */
  public static Result fromHtml(String html, Instant fileTime) {
    Document doc = HtmlText.parse(html);
    String title = TextCleaner.cleanLine(HtmlText.title(doc));
    String body = HtmlText.mainText(doc);
    if (title == null || title.isEmpty()) {
      return Result.skip("no title (no <title>, no heading)");
    }
    if (body == null || body.isEmpty()) {
      return Result.skip("no text once markup and page furniture are removed");
    }
    Instant date = htmlDate(doc).orElse(null);
    boolean inferred = date == null;
    body = withoutLeadingByline(withoutTitle(body, title));
    return Result.ofArticle(new FileArticle(title, body, inferred ? fileTime : date, inferred, htmlAuthor(doc)));
  }

  /** Plain text or Markdown: the first heading or line is the title; a byline and date below it are read and cut. */
  public static Result fromText(String raw, Instant fileTime, boolean markdown) {
    String text = TextCleaner.cleanText(raw.replace("\uFEFF", ""));
    List<String> lines = new ArrayList<>(text.lines().toList());
    if (markdown) {
      lines = markdownToText(lines);
    }
    int titleAt = -1;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (!line.isEmpty() && !PageFurniture.isFurnitureLine(line) && !PageFurniture.isRelatedHeading(line)) {
        titleAt = i;
        break;
      }
    }
    if (titleAt < 0) {
      return Result.skip("no text");
    }
    String title = TextCleaner.cleanLine(lines.get(titleAt));
    String rest = String.join("\n", lines.subList(titleAt + 1, lines.size()));
    Optional<Instant> date = DateFinder.find(rest);
    String author = null;
    List<String> bodyLines = new ArrayList<>();
    int seen = 0;
    for (String line : rest.split("\n", -1)) {
      String trimmed = line.strip();
      if (!trimmed.isEmpty() && seen++ < DateFinder.LINES && isBylineOrDate(trimmed)) {
        Matcher byline = BYLINE.matcher(trimmed);
        if (author == null && byline.find()) {
          author = byline.group(1).strip();
        }
        continue;
      }
      bodyLines.add(line);
    }
    String body = unwrap(TextCleaner.cleanText(PageFurniture.strip(String.join("\n", bodyLines))));
    if (body.isEmpty()) {
      return Result.skip("no text below the title");
    }
    boolean inferred = date.isEmpty();
    return Result.ofArticle(new FileArticle(title, body, date.orElse(fileTime), inferred, author));
  }

  /** Hard-wrapped lines of a paragraph joined into one; list items and blank-line paragraph breaks kept. */
  static String unwrap(String text) {
    StringBuilder out = new StringBuilder(text.length());
    String previous = "";
    for (String line : text.split("\n", -1)) {
      boolean listItem = line.matches("^\\s*([-*•+]|\\d+[.)])\\s+.*");
      if (!out.isEmpty()) {
        out.append(line.isEmpty() || previous.isEmpty() || listItem ? "\n" : " ");
      }
      out.append(line);
      previous = line;
    }
    return out.toString();
  }

  /** A short line that is a byline or a dateline, not prose. */
  private static boolean isBylineOrDate(String line) {
    if (line.length() > 120) {
      return false;
    }
    boolean dated = DateFinder.inLine(line).isPresent();
    boolean byline = BYLINE.matcher(line).find() && !line.endsWith(".");
    return byline || (dated && !line.matches(".*[.!?]\\s*$"));
  }

  private static List<String> markdownToText(List<String> lines) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher heading = MD_HEADING.matcher(line);
      if (heading.matches()) {
        line = heading.group(1);
      } else if (MD_SETEXT.matcher(line.strip()).matches() && !out.isEmpty() && !out.getLast().isBlank()) {
        continue; // the underline of a setext heading
      }
      line = MD_LINK.matcher(line).replaceAll(match -> Matcher.quoteReplacement(match.group().startsWith("!") ? "" : match.group(1)));
      line = MD_EMPHASIS.matcher(line).replaceAll("$2");
      out.add(line);
    }
    return out;
  }

  private static Optional<Instant> htmlDate(Document doc) {
    for (Element meta : doc.select("meta[content]")) {
      String key = meta.attr("property") + meta.attr("name") + meta.attr("itemprop");
      if (!key.isEmpty() && DATE_META.matcher(key).matches()) {
        Instant parsed = PublishedAt.parseText(meta.attr("content").strip());
        if (parsed != null) {
          return Optional.of(parsed);
        }
      }
    }
    for (Element time : doc.select("article time[datetime], main time[datetime], time[datetime][pubdate], time[datetime]")) {
      Instant parsed = PublishedAt.parseText(time.attr("datetime").strip());
      if (parsed != null) {
        return Optional.of(parsed);
      }
    }
    // The byline in the page's text: headings, bylines, date lines and the first paragraphs, in page order.
    Element start = doc.selectFirst("article, main, h1");
    Element scope = start == null ? doc.body() : start.tagName().equals("h1") && start.parent() != null ? start.parent() : start;
    List<String> lines = new ArrayList<>();
    for (Element block : scope.select("h1, h2, p, time, span, div:not(:has(div, p)), li")) {
      String text = block.ownText().isBlank() ? block.text() : block.text();
      if (!text.isBlank()) {
        lines.add(text.strip());
      }
      if (lines.size() >= DateFinder.LINES * 2) {
        break;
      }
    }
    return DateFinder.find(String.join("\n", lines));
  }

  private static String htmlAuthor(Document doc) {
    String meta = doc.select("meta[name=author], meta[property=article:author]").attr("content").strip();
    if (!meta.isEmpty() && !meta.startsWith("http")) {
      return TextCleaner.cleanLine(meta);
    }
    Element byline = doc.selectFirst("[rel=author], [itemprop=author], .author, .byline, [class*=byline], [class*=author]");
    if (byline == null) {
      return null;
    }
    String text = byline.text().strip();
    Matcher matcher = BYLINE.matcher(text);
    if (matcher.find()) {
      return matcher.group(1).strip();
    }
    return text.isEmpty() || text.length() > 60 || DateFinder.inLine(text).isPresent() ? null : text;
  }

  private static String withoutTitle(String body, String title) {
    String first = body.lines().findFirst().orElse("");
    if (first.strip().equalsIgnoreCase(title)) {
      return TextCleaner.cleanText(body.substring(body.indexOf(first) + first.length()));
    }
    return body;
  }

  private static String withoutLeadingByline(String body) {
    List<String> lines = new ArrayList<>(body.split("\n", -1).length);
    int seen = 0;
    for (String line : body.split("\n", -1)) {
      String trimmed = line.strip();
      if (!trimmed.isEmpty() && seen++ < 3 && isBylineOrDate(trimmed)) {
        continue;
      }
      lines.add(line);
    }
    return TextCleaner.cleanText(String.join("\n", lines));
  }
}
