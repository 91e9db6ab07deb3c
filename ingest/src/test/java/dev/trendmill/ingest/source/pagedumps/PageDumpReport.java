package dev.trendmill.ingest.source.pagedumps;

import dev.trendmill.ingest.source.FileArticles;
import dev.trendmill.ingest.source.FileArticles.FileArticle;
import dev.trendmill.ingest.source.pagedumps.CorpusPost.Half;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads every page dump as {@code trendmill drop} does ({@link FileArticles#read}, from a file whose modification time
 * is far from any post) and scores it against its corpus post: the title exactly, the date on the post's calendar
 * day (and not the file's time), the author, the furniture lines the site added that are still in the body, the
 * byline and date lines still in it, and the post's own lines kept.
 */
public final class PageDumpReport {
  /** The file time of every dump: a date no post has, so falling back on it is always a miss. */
  public static final Instant FILE_TIME = Instant.parse("2031-01-01T00:00:00Z");

  private static final int MIN_BODY_WORDS = 4;

  private final List<Outcome> outcomes;

  /** What reading one dump gave, scored. */
  public record Outcome(
      PageDump dump,
      FileArticle article,
      String skipped,
      boolean title,
      boolean date,
      boolean author,
      List<String> furnitureLeft,
      List<String> metaLeft,
      int bodyLines,
      List<String> bodyLost) {
    int bodyKept() {
      return bodyLines - bodyLost.size();
    }

    Half half() {
      return dump.post().half();
    }
  }

  /** Counts over a set of outcomes. */
  public record Figures(int dumps, int titles, int dates, int authors, int furniture, int furnitureLeft, int meta, int metaLeft, int bodyLines, int bodyKept, int skipped) {
    public double titleRate() {
      return share(titles, dumps);
    }

    public double dateRate() {
      return share(dates, dumps);
    }

    public double authorRate() {
      return share(authors, dumps);
    }

    public double furnitureLeftRate() {
      return share(furnitureLeft, furniture);
    }

    public double bodyKeptRate() {
      return share(bodyKept, bodyLines);
    }

    private static double share(int part, int whole) {
      return whole == 0 ? 0 : (double) part / whole;
    }
  }

  private PageDumpReport(List<Outcome> outcomes) {
    this.outcomes = outcomes;
  }

  /** Writes each dump into {@code dir} and reads it back. */
  public static PageDumpReport of(List<PageDump> dumps, Path dir) throws IOException {
    List<Outcome> outcomes = new ArrayList<>();
    for (PageDump dump : dumps) {
      Path file = dir.resolve(dump.fileName());
      Files.writeString(file, dump.content(), StandardCharsets.UTF_8);
      Files.setLastModifiedTime(file, FileTime.from(FILE_TIME));
      FileArticles.Result result = FileArticles.read(file);
      outcomes.add(score(dump, result));
    }
    return new PageDumpReport(outcomes);
  }

  static Outcome score(PageDump dump, FileArticles.Result result) {
    FileArticle article = result.article();
    if (article == null) {
      int bodyLines = (int) dump.bodyLines().stream().filter(PageDumpReport::countsAsBody).count();
      List<String> lost = dump.bodyLines().stream().filter(PageDumpReport::countsAsBody).toList();
      return new Outcome(dump, null, result.skipped(), false, false, false, List.of(), List.of(), lost.size(), lost);
    }
    CorpusPost post = dump.post();
    boolean title = fold(article.title()).equals(fold(post.title()));
    boolean date = !article.publishedAtInferred() && onPostDay(article.publishedAt(), dump);
    boolean author = post.author() == null ? article.author() == null : article.author() != null && nameKey(article.author()).equals(nameKey(post.author()));
    String body = fold(article.body());
    String source = fold(String.join("\n", dump.bodyLines()) + "\n" + post.title());
    List<String> furnitureLeft = left(body, source, dump.furniture());
    List<String> metaLeft = dump.metaLines().stream().filter(line -> occurrences(body, line) > occurrences(source, line)).toList();
    List<String> bodyLines = dump.bodyLines().stream().filter(PageDumpReport::countsAsBody).toList();
    List<String> bodyLost = bodyLines.stream().filter(line -> !body.contains(fold(line))).toList();
    return new Outcome(dump, article, null, title, date, author, furnitureLeft, metaLeft, bodyLines.size(), bodyLost);
  }

  /**
   * The furniture lines still in the body (more often than the post itself has them), longest first, each found one
   * taken out before the next is looked for: "Tickets" is not counted again inside "Tickets go on sale in spring."
   */
  private static List<String> left(String body, String source, List<String> furniture) {
    List<String> left = new ArrayList<>();
    String rest = body;
    for (String line : furniture.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
      if (occurrences(rest, line) > occurrences(source, line)) {
        left.add(line);
        rest = rest.replace(fold(line), " ");
      }
    }
    return left;
  }

  /** The post's day, read in UTC or in the zone the page wrote its time in (a date read without its time is midnight UTC). */
  private static boolean onPostDay(Instant instant, PageDump dump) {
    ZoneOffset zone = dump.dateStyle().zone();
    return instant.atOffset(ZoneOffset.UTC).toLocalDate().equals(dump.post().day()) || instant.atOffset(zone).toLocalDate().equals(dump.post().day());
  }

  /** Lines of prose, not table rows (whose cells a reader may split) nor single words. */
  private static boolean countsAsBody(String line) {
    return line.indexOf('\t') < 0 && line.split("\\s+").length >= MIN_BODY_WORDS;
  }

  private static String fold(String text) {
    return text == null ? "" : text.replaceAll("\\s+", " ").strip();
  }

  private static String nameKey(String name) {
    return fold(name).toLowerCase(Locale.ROOT).replaceAll("[\\s,;:·|—-]+$", "");
  }

  private static int occurrences(String text, String line) {
    String word = "[\\p{L}\\p{N}]";
    String folded = fold(line);
    String start = folded.substring(0, 1).matches(word) ? "(?<!" + word + ")" : "";
    String end = folded.substring(folded.length() - 1).matches(word) ? "(?!" + word + ")" : "";
    Matcher matcher = Pattern.compile(start + Pattern.quote(folded) + end).matcher(text);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }

  public List<Outcome> outcomes() {
    return outcomes;
  }

  public Figures figures(Predicate<Outcome> which) {
    int dumps = 0, titles = 0, dates = 0, authors = 0, furniture = 0, furnitureLeft = 0, meta = 0, metaLeft = 0, bodyLines = 0, bodyKept = 0, skipped = 0;
    for (Outcome outcome : outcomes) {
      if (!which.test(outcome)) {
        continue;
      }
      dumps++;
      titles += outcome.title() ? 1 : 0;
      dates += outcome.date() ? 1 : 0;
      authors += outcome.author() ? 1 : 0;
      furniture += outcome.dump().furniture().size();
      furnitureLeft += outcome.article() == null ? 0 : outcome.furnitureLeft().size();
      meta += outcome.dump().metaLines().size();
      metaLeft += outcome.metaLeft().size();
      bodyLines += outcome.bodyLines();
      bodyKept += outcome.bodyKept();
      skipped += outcome.article() == null ? 1 : 0;
    }
    return new Figures(dumps, titles, dates, authors, furniture, furnitureLeft, meta, metaLeft, bodyLines, bodyKept, skipped);
  }

  public Figures figures(Half half) {
    return figures(outcome -> outcome.half() == half);
  }

  /** The report: figures per half (TEST also split into seen and held-out sites), per site and format, then every miss. */
  public String text() {
    StringBuilder out = new StringBuilder();
    long posts = outcomes.stream().map(outcome -> outcome.dump().post().url()).distinct().count();
    out.append(String.format("Page dumps: %d files from %d corpus posts, on %d sites, as .html and .txt%n", outcomes.size(), posts, SiteTemplates.ALL.size()));
    out.append(String.format("%-30s %6s %8s %8s %8s %18s %16s %10s %7s%n", "", "dumps", "title", "date", "author", "furniture left", "byline left", "post kept", "skipped"));
    row(out, "DEV", figures(Half.DEV));
    row(out, "TEST", figures(Half.TEST));
    row(out, "  TEST, seen sites", figures(o -> o.half() == Half.TEST && !o.dump().site().heldOut()));
    row(out, "  TEST, held-out sites", figures(o -> o.half() == Half.TEST && o.dump().site().heldOut()));
    for (Half half : Half.values()) {
      out.append(String.format("%nPer site and format, %s (* held out: TEST only)%n", half));
      Map<String, Predicate<Outcome>> groups = new TreeMap<>();
      for (Outcome outcome : outcomes) {
        SiteTemplate site = outcome.dump().site();
        boolean html = outcome.dump().isHtml();
        String name = String.format("  %s %s%s", half, site.name() + (site.heldOut() ? "*" : ""), html ? ".html" : ".txt");
        groups.putIfAbsent(name, o -> o.half() == half && o.dump().site() == site && o.dump().isHtml() == html);
      }
      groups.forEach((name, which) -> {
        if (figures(which).dumps() > 0) {
          row(out, name, figures(which));
        }
      });
    }
    for (Half half : Half.values()) {
      out.append(String.format("%nMisses, %s%n", half));
      for (Outcome outcome : outcomes) {
        if (outcome.half() == half) {
          misses(out, outcome);
        }
      }
    }
    return out.toString();
  }

  private static void row(StringBuilder out, String name, Figures f) {
    out.append(
        String.format(
            Locale.ROOT,
            "%-30s %6d %7.1f%% %7.1f%% %7.1f%% %9d/%-5d%3.1f%% %8d/%-5d %9.1f%% %7d%n",
            name, f.dumps(), 100 * f.titleRate(), 100 * f.dateRate(), 100 * f.authorRate(), f.furnitureLeft(), f.furniture(), 100 * f.furnitureLeftRate(),
            f.metaLeft(), f.meta(), 100 * f.bodyKeptRate(), f.skipped()));
  }

  private static void misses(StringBuilder out, Outcome o) {
    String where = "[" + o.half().name().toLowerCase(Locale.ROOT) + "] " + o.dump().fileName() + ": ";
    CorpusPost post = o.dump().post();
    if (o.article() == null) {
      out.append(where).append("SKIPPED ").append(o.skipped()).append('\n');
      return;
    }
    if (!o.title()) {
      out.append(where).append("TITLE expected \"").append(post.title()).append("\" got \"").append(clip(o.article().title())).append("\"\n");
    }
    if (!o.date()) {
      out.append(where).append("DATE expected ").append(post.day()).append(" (page: ").append(o.dump().dateStyle().pattern()).append(") got ")
          .append(o.article().publishedAt()).append(o.article().publishedAtInferred() ? " (file time)" : "").append('\n');
    }
    if (!o.author()) {
      out.append(where).append("AUTHOR expected ").append(quoted(post.author())).append(" got ").append(quoted(o.article().author())).append('\n');
    }
    for (String line : o.furnitureLeft()) {
      out.append(where).append("FURNITURE left \"").append(clip(line)).append("\"\n");
    }
    for (String line : o.metaLeft()) {
      out.append(where).append("BYLINE left \"").append(clip(line)).append("\"\n");
    }
    for (String line : o.bodyLost()) {
      out.append(where).append("POST LINE lost \"").append(clip(line)).append("\"\n");
    }
  }

  private static String quoted(String text) {
    return text == null ? "none" : "\"" + clip(text) + "\"";
  }

  private static String clip(String text) {
    String line = text.replace('\n', ' ');
    return line.length() > 160 ? line.substring(0, 157) + "..." : line;
  }
}
