package dev.trendmill.ingest.source;

import dev.trendmill.ingest.normalize.PageFurniture;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The head of a page read as lines (text copied out of a browser, or an HTML page's text blocks): the headline, and
 * the byline and dateline around it. Above the headline stand the site's name, its menus, a category label, a "Back
 * to the blog" link or a breadcrumb; the headline is the line that a byline or dateline follows (or, with the date
 * above it, that one precedes); below it come the byline ("By Jane Doe", "by" with the name on the next line, or a
 * bare name above the dateline) and the dateline, until the text begins. Pure.
 *
 * @param titleAt the headline's index in the lines
 * @param date the date of the dateline below the headline (a "published" one first), else of one just above it
 * @param author the byline's name, if any
 * @param metaLines the indices of the byline and dateline lines below the headline, to leave out of the body
 */
public record PageHead(int titleAt, Optional<Instant> date, String author, Set<Integer> metaLines) {
  /** Lines searched for the headline: banners, menus and cookie notices may come first. */
  static final int WINDOW = 80;
  /** Non-empty lines below the headline searched for its byline and dateline. */
  static final int BELOW = 10;

  private static final int PROSE = 160;
  private static final Pattern BACK_LINK =
      Pattern.compile("(?i)^[←<«‹]?\\s*(back to|return to|all) (the )?(blog|posts|all posts|articles|news|stories|overview|home|recaps)\\b.{0,20}$");
  private static final Pattern BREADCRUMB = Pattern.compile("\\s+[/›»>]\\s+");
  private static final Pattern READING_TIME = Pattern.compile("(?i)^\\d+\\s*(min|mins|minutes?)(\\s+read)?$");

  /** The headline (see the class comment), or the first line that is not furniture; empty if there is none. */
  public static Optional<PageHead> read(List<String> lines) {
    int end = Math.min(lines.size(), WINDOW);
    int best = -1;
    int bestScore = Integer.MIN_VALUE;
    int firstPlain = -1;
    for (int i = 0; i < end; i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || isFurniture(line) || isMeta(line)) {
        continue;
      }
      if (line.length() >= PROSE && best >= 0) {
        break; // the text has begun: the headline stands above it
      }
      int next = neighbour(lines, i, 1);
      int previous = neighbour(lines, i, -1);
      int score = 0;
      score += next >= 0 && isMeta(lines.get(next).strip()) ? 3 : 0;
      score += previous >= 0 && isDateline(lines.get(previous).strip()) ? 2 : 0;
      score -= isLabel(line) ? 2 : 0;
      score -= line.split("\\s+").length == 1 ? 1 : 0;
      score -= DateFinder.inLine(line).isPresent() ? 2 : 0; // another story's headline and date, in a list of them
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
      if (firstPlain < 0 && !isLabel(line)) {
        firstPlain = i;
      }
    }
    if (best < 0) {
      return Optional.empty();
    }
    if (bestScore > 0 && isBylineName(lines, best)) {
      best = neighbour(lines, best, -1); // the headline stands above its byline's bare name
    }
    return Optional.of(around(lines, bestScore > 0 || firstPlain < 0 ? best : firstPlain));
  }

  /**
   * A name on its own line with the dateline below it and, above it, a longer line that is no furniture or meta: the
   * headline and its byline without "by" ("Jane Doe" / "March 3, 2021"). A short title-case headline under a category
   * ("Event recap" / "Subquery Support") stays the headline.
   */
  private static boolean isBylineName(List<String> lines, int at) {
    String line = lines.get(at).strip();
    int next = neighbour(lines, at, 1);
    int above = neighbour(lines, at, -1);
    if (!Byline.isBareName(line) || next < 0 || !isDateline(lines.get(next).strip()) || above < 0) {
      return false;
    }
    String headline = lines.get(above).strip();
    return !isMeta(headline) && !isLabel(headline) && headline.length() > Byline.withoutAffiliations(line).length();
  }

  /** The byline and dateline around a headline already known (an HTML page's heading); empty if no line is it. */
  public static Optional<PageHead> around(List<String> lines, String title) {
    String wanted = fold(title);
    for (int i = 0; i < Math.min(lines.size(), WINDOW * 4); i++) {
      if (fold(lines.get(i)).equals(wanted)) {
        return Optional.of(around(lines, i));
      }
    }
    return Optional.empty();
  }

  private static PageHead around(List<String> lines, int titleAt) {
    List<String> datelines = new ArrayList<>();
    Set<Integer> meta = new HashSet<>();
    String author = null;
    int seen = 0;
    for (int i = titleAt + 1; i < lines.size() && seen < BELOW; i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      seen++;
      if (Byline.isLabel(line)) {
        meta.add(i);
        addIfDated(datelines, line);
        int next = neighbour(lines, i, 1);
        Optional<String> name = next < 0 || isDateline(lines.get(next)) ? Optional.empty() : Byline.name(lines.get(next));
        if (name.isPresent()) {
          author = author == null ? name.get() : author;
          meta.add(next);
          i = next;
        }
      } else if (Byline.author(line).isPresent()) {
        meta.add(i);
        addIfDated(datelines, line);
        author = author == null ? Byline.author(line).get() : author;
      } else if (isDateline(line)) {
        meta.add(i);
        datelines.add(line);
        author = author == null ? Byline.inDateline(line).orElse(null) : author;
      } else if (author == null && isBylineName(lines, i)) {
        meta.add(i);
        author = line;
      } else if (!isFurniture(line) && !isLabel(line)) {
        break; // the text begins
      }
    }
    // A dateline just above the headline ("CLOUD | Mar. 3, 2021"), after any below it.
    int above = neighbour(lines, titleAt, -1);
    if (above >= 0 && isDateline(lines.get(above).strip())) {
      datelines.add(lines.get(above).strip());
    }
    return new PageHead(titleAt, DateFinder.find(String.join("\n", datelines)), author, meta);
  }

  /** A date and little else, or a date, a reading time and a name ("March 3, 2021 · 6 min · Jane Doe"). */
  private static boolean isDateline(String line) {
    return DateFinder.isDateline(line) || Byline.inDateline(line).isPresent();
  }

  /** A byline or dateline line: "By Jane Doe", "by", "Posted on March 3, 2021", "UPDATED 09:15 EST / MARCH 3 2021". */
  public static boolean isMeta(String line) {
    return isDateline(line) || Byline.isLabel(line) || Byline.author(line).isPresent();
  }

  /**
   * Furniture of a page's head: what {@link PageFurniture} knows, "Back to the blog", breadcrumbs, reading times; not
   * a dateline, which may look like a menu ("March 3, 2021 · 6 min · Jane Doe").
   */
  static boolean isFurniture(String line) {
    return !isDateline(line) && PageFurniture.isFurnitureLine(line)
        || PageFurniture.isRelatedHeading(line)
        || BACK_LINK.matcher(line).matches()
        || READING_TIME.matcher(line).matches()
        || !isDateline(line) && isBreadcrumb(line);
  }

  /** "Blog / Engineering", "Docs › Guides": short parts between separators (three or more are navigation anyway). */
  private static boolean isBreadcrumb(String line) {
    String[] parts = BREADCRUMB.split(line);
    if (parts.length < 2 || line.length() > 80) {
      return false;
    }
    for (String part : parts) {
      if (part.isBlank() || part.strip().split("\\s+").length > 3) {
        return false;
      }
    }
    return true;
  }

  /** A site's name or a category in capitals: "THE CLOUD WIRE", "OBSERVABILITY". */
  private static boolean isLabel(String line) {
    return line.length() <= 40 && line.chars().anyMatch(Character::isLetter) && line.equals(line.toUpperCase(Locale.ROOT)) && !line.equals(line.toLowerCase(Locale.ROOT));
  }

  /** The next (or previous) non-empty line that is not furniture, or -1. */
  private static int neighbour(List<String> lines, int from, int step) {
    for (int i = from + step; i >= 0 && i < lines.size(); i += step) {
      String line = lines.get(i).strip();
      if (!line.isEmpty() && !isFurniture(line)) {
        return i;
      }
    }
    return -1;
  }

  private static void addIfDated(List<String> datelines, String line) {
    if (DateFinder.inLine(line).isPresent()) {
      datelines.add(line);
    }
  }

  private static String fold(String text) {
    return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
