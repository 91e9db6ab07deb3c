package dev.trendmill.ingest.source;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trendmill.ingest.normalize.HtmlText;
import dev.trendmill.ingest.normalize.PageFurniture;
import dev.trendmill.ingest.normalize.PageTail;
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
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A text file as an article: {@code .txt}, {@code .md} and {@code .html}/{@code .htm} become the inbox JSON of one
 * article. The title is the page's headline: in HTML its own heading (not the site's name), in text the line its
 * byline or dateline stands by ({@link PageHead}); {@code published_at} is the date in the page's metadata, its
 * dateline or byline ({@link DateFinder}), else the file's modification time with {@code published_at_inferred:
 * true}; the author is the byline's name ({@link Byline}); the body is the main text. Pure apart from reading the
 * file: no Kafka, shared by {@code trendmill drop} and ingest.
 */
public final class FileArticles {
  private static final ObjectMapper JSON = new ObjectMapper();
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
    List<String> lines = HtmlText.lines(doc);
    Optional<PageHead> head = PageHead.around(lines, title);
    Instant date = htmlDate(doc, lines, head).orElse(null);
    String author = metadataAuthor(doc).or(() -> head.map(PageHead::author)).orElseGet(() -> markedAuthor(doc));
    boolean inferred = date == null;
    body = TextCleaner.cleanText(PageTail.cut(withoutLeadingByline(withoutTitle(body, title))));
    return Result.ofArticle(new FileArticle(title, body, inferred ? fileTime : date, inferred, author));
  }

  /** Plain text or Markdown: the headline ({@link PageHead}), its byline and dateline read and cut, then the text. */
  public static Result fromText(String raw, Instant fileTime, boolean markdown) {
    String text = TextCleaner.cleanText(raw.replace("\uFEFF", ""));
    List<String> lines = new ArrayList<>(text.lines().toList());
    if (markdown) {
      lines = markdownToText(lines);
    }
    Optional<PageHead> found = PageHead.read(lines);
    if (found.isEmpty()) {
      return Result.skip("no text");
    }
    PageHead head = found.get();
    String title = TextCleaner.cleanLine(lines.get(head.titleAt()));
    List<String> bodyLines = new ArrayList<>();
    for (int i = head.titleAt() + 1; i < lines.size(); i++) {
      if (!head.metaLines().contains(i)) {
        bodyLines.add(lines.get(i));
      }
    }
    String rest = String.join("\n", bodyLines);
    // Without a dateline, a date in the first lines of the text itself.
    Optional<Instant> date = head.date().or(() -> DateFinder.find(rest));
    String body = unwrap(TextCleaner.cleanText(PageFurniture.strip(PageTail.cut(rest))));
    if (body.isEmpty()) {
      return Result.skip("no text below the title");
    }
    boolean inferred = date.isEmpty();
    return Result.ofArticle(new FileArticle(title, body, date.orElse(fileTime), inferred, head.author()));
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

  /**
   * An HTML page's date: its metadata, a {@code <time>} in the byline (exact), the dateline by the headline, any other
   * {@code <time>} (it may belong to a quoted post or a list of other stories), a date in the article's first blocks.
   */
  private static Optional<Instant> htmlDate(Document doc, List<String> lines, Optional<PageHead> head) {
    List<String> headLines = head.map(found -> found.metaLines().stream().sorted().map(lines::get).toList()).orElse(List.of());
    return metaTagDate(doc)
        .or(() -> timeDate(doc, time -> headLines.stream().anyMatch(line -> line.contains(time.text().strip()))))
        .or(() -> head.flatMap(PageHead::date))
        .or(() -> timeDate(doc, time -> true))
        .or(() -> textDate(doc));
  }

  private static Optional<Instant> metaTagDate(Document doc) {
    for (Element meta : doc.select("meta[content]")) {
      String key = meta.attr("property") + meta.attr("name") + meta.attr("itemprop");
      if (!key.isEmpty() && DATE_META.matcher(key).matches()) {
        Instant parsed = PublishedAt.parseText(meta.attr("content").strip());
        if (parsed != null) {
          return Optional.of(parsed);
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Instant> timeDate(Document doc, Predicate<Element> which) {
    for (Element time : doc.select("article time[datetime], main time[datetime], time[datetime][pubdate], time[datetime]")) {
      Instant parsed = which.test(time) ? PublishedAt.parseText(time.attr("datetime").strip()) : null;
      if (parsed != null) {
        return Optional.of(parsed);
      }
    }
    return Optional.empty();
  }

  /** Without a dateline by the headline: a date in the first text blocks of the article, in page order. */
  private static Optional<Instant> textDate(Document doc) {
    Element start = doc.selectFirst("article, main, h1");
    Element scope = start == null ? doc.body() : start.tagName().equals("h1") && start.parent() != null ? start.parent() : start;
    List<String> lines = new ArrayList<>();
    for (Element block : scope.select("h1, h2, p, time, span, div:not(:has(div, p)), li")) {
      String text = block.text();
      if (!text.isBlank()) {
        lines.add(text.strip());
      }
      if (lines.size() >= DateFinder.LINES * 2) {
        break;
      }
    }
    return DateFinder.find(String.join("\n", lines));
  }

  private static Optional<String> metadataAuthor(Document doc) {
    String meta = doc.select("meta[name=author], meta[property=article:author]").attr("content").strip();
    return meta.isEmpty() || meta.startsWith("http") ? Optional.empty() : Optional.of(TextCleaner.cleanLine(meta));
  }

  /** Without a byline by the headline: an element marked as the author's ("by" labels skipped). */
  private static String markedAuthor(Document doc) {
    for (Element marked : doc.select("[rel=author], [itemprop=author], .author, .byline, [class*=byline], [class*=author]")) {
      if (marked.closest("form, [class*=comment], [id*=comment]") != null) {
        continue; // a comment form's "Name *" field
      }
      String text = marked.text().strip();
      Optional<String> name = Byline.author(text).or(() -> Byline.isLabel(text) || DateFinder.inLine(text).isPresent() ? Optional.empty() : Byline.name(text));
      if (name.isPresent() && name.get().length() <= 60) {
        return name.get();
      }
    }
    return null;
  }

  /** The body from below its headline: the article's container may also hold the category label above it. */
  private static String withoutTitle(String body, String title) {
    List<String> lines = List.of(body.split("\n", -1));
    int seen = 0;
    for (int i = 0; i < lines.size() && seen < 6; i++) {
      String line = lines.get(i).strip();
      if (line.equalsIgnoreCase(title)) {
        return TextCleaner.cleanText(String.join("\n", lines.subList(i + 1, lines.size())));
      }
      seen += line.isEmpty() ? 0 : 1;
    }
    return body;
  }

  /** The byline and dateline lines among the body's first lines (the article's container may hold them). */
  private static String withoutLeadingByline(String body) {
    List<String> lines = new ArrayList<>(List.of(body.split("\n", -1)));
    boolean nameNext = false;
    int seen = 0;
    for (int i = 0; i < lines.size() && seen < 4; i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      seen++;
      if (nameNext && Byline.name(line).isPresent() || line.length() <= 300 && PageHead.isMeta(line)) {
        nameNext = Byline.isLabel(line);
        lines.remove(i--);
      } else {
        nameNext = false;
      }
    }
    return TextCleaner.cleanText(String.join("\n", lines));
  }
}
