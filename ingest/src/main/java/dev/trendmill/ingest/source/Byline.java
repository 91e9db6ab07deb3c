package dev.trendmill.ingest.source;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The author in a byline as pages write it: "By Jane Doe", "BY JANE DOE", "Written by Jane Doe", "Posted on March 3,
 * 2021 by Jane Doe", "By Jane Doe · March 3, 2021", "By Jane Doe, John Roe (Acme)"; or "by" (or "Written by") at the
 * end of a line with the name on the next ({@link #isLabel}, {@link #name}); or the name in a dateline, after a dash
 * or beside a reading time ("March 3, 2021 — Jane Doe", "March 3, 2021 · 6 min · Jane Doe"). Pure.
 */
public final class Byline {
  private static final int MAX_NAME = 300;
  private static final Pattern BY = Pattern.compile("(?i)(?<![\\p{L}\\p{N}])by:?\\s+");
  private static final Pattern LABEL = Pattern.compile("(?i)^(.*?)(?<![\\p{L}\\p{N}])(?:by|authors?)\\s*:?$");
  /** Words that may stand before "by" in a byline: "Written by", "Posted by", "Recap by", "Guest post by". */
  private static final Pattern BY_PREFIX =
      Pattern.compile(
          "(?i)^(guest )?(written|posted|published|words|reported|story|article|text|blog post|post|recap|report|interview|review|notes|analysis|column|essay|summary)?$");
  /** A user name standing for a name: "jdoe", "jane-doe". */
  private static final Pattern HANDLE = Pattern.compile("[a-z][a-z0-9_-]{1,38}");
  /** Words a name may hold in lower case: "Jane van Doe", "Jane Doe and John Roe". */
  private static final Set<String> NAME_PARTICLES = Set.of("and", "&", "van", "von", "de", "der", "den", "da", "di", "du", "del", "la", "le", "bin", "al");
  /** Where a name ends: a separator, or a date (cut separately). */
  private static final Pattern NAME_END = Pattern.compile("\\s+[|·•—–/]\\s*|\\s+-\\s+");
  private static final Pattern TRAILING = Pattern.compile("[\\s,;:|·•—–-]+$");
  /** What may stand between a name and the date cut off after it: "on", "updated", a weekday, separators. */
  private static final Pattern BEFORE_DATE =
      Pattern.compile(
          "(?i)(?:[\\s,;:|·•—–-]+(?:on|at|updated|published|posted|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\.?)*[\\s,;:|·•—–-]*$");
  private static final Pattern READING_TIME = Pattern.compile("(?i)^\\d+\\s*(min|mins|minutes?)(\\s+read)?$");
  private static final Pattern DATELINE_PARTS = Pattern.compile("\\s*[·|•]\\s*");
  private static final Pattern DASHED_NAME = Pattern.compile("(.+?)\\s+[—–]\\s+([^—–·|•]+)");
  /** First words after "by" that make it prose: "By default, ...", "By using". */
  private static final Set<String> NOT_NAMES =
      Set.of("default", "using", "clicking", "continuing", "now", "then", "this", "that", "these", "way", "far", "design", "comparison", "contrast", "submitting", "signing", "subscribing");

  private Byline() {}

  /** The name in a byline that holds one ("By Jane Doe · March 3"), or empty. */
  public static Optional<String> author(String line) {
    String text = line.strip();
    Matcher by = BY.matcher(text);
    while (by.find()) {
      String before = text.substring(0, by.start()).strip().replaceAll("[\\s·|•—–,-]+$", "");
      if (BY_PREFIX.matcher(before).matches() || DateFinder.isDateline(before)) {
        return name(text.substring(by.end()));
      }
    }
    return Optional.empty();
  }

  /** "by", "Written by", "Author:" or "3rd March 2021 — Written by": a line whose name is on the next line. */
  public static boolean isLabel(String line) {
    Matcher label = LABEL.matcher(line.strip());
    if (!label.matches()) {
      return false;
    }
    String before = label.group(1).strip().replaceAll("[\\s·|•—–,-]+$", "");
    return BY_PREFIX.matcher(before).matches() || DateFinder.isDateline(before);
  }

  /** A name, as it follows "by": cut at a separator or a date, trailing punctuation gone; empty if it reads as prose. */
  public static Optional<String> name(String text) {
    String name = text.strip();
    Matcher end = NAME_END.matcher(name);
    if (end.find()) {
      name = name.substring(0, end.start());
    }
    Optional<DateFinder.Found> date = DateFinder.locate(name);
    if (date.isPresent()) {
      name = BEFORE_DATE.matcher(name.substring(0, date.get().start())).replaceFirst("");
    }
    name = TRAILING.matcher(name.strip()).replaceFirst("");
    return isName(name) ? Optional.of(name) : Optional.empty();
  }

  /**
   * The name in a dateline: after a dash that follows the date ("March 3, 2021 — Jane Doe"), or beside a reading time
   * ("March 3, 2021 · 6 min · Jane Doe"). A part before the date, or set off by a dot without a reading time, is a
   * category ("Engineering · March 3, 2021").
   */
  public static Optional<String> inDateline(String line) {
    String text = line.strip();
    Matcher dash = DASHED_NAME.matcher(text);
    if (dash.matches() && DateFinder.isDateline(dash.group(1)) && DateFinder.locate(dash.group(2)).isEmpty() && !READING_TIME.matcher(dash.group(2)).matches()) {
      return name(dash.group(2));
    }
    String[] parts = DATELINE_PARTS.split(text);
    boolean readingTime = false;
    String candidate = null;
    for (String part : parts) {
      if (READING_TIME.matcher(part).matches()) {
        readingTime = true;
      } else if (DateFinder.locate(part).isEmpty() && !part.isBlank()) {
        if (candidate != null) {
          return Optional.empty(); // more than one part: a category, a tag, not clearly the author
        }
        candidate = part;
      }
    }
    return readingTime && candidate != null ? name(candidate) : Optional.empty();
  }

  /**
   * A line that is only a name, as a byline without "by" writes it: "Jane Doe", "Jane Doe (Acme), John Roe", "jdoe":
   * capitalised words (or one handle per name), no digits or sentence outside an affiliation's parentheses, at least
   * one name of two words or a handle. A headline in title case may read the same, so callers decide by where the
   * line stands.
   */
  public static boolean isBareName(String line) {
    String text = line.strip();
    String names = withoutAffiliations(text);
    if (text.isEmpty() || text.length() > 200 || !isName(text) || names.matches("(?s).*[\\d.!?:;\"“”].*")) {
      return false;
    }
    boolean named = false;
    for (String name : names.split(",|\\s+and\\s+|\\s+&\\s+")) {
      String[] words = name.strip().split("\\s+");
      if (name.isBlank()) {
        continue;
      }
      if (words.length == 1 && HANDLE.matcher(words[0]).matches()) {
        named = true;
        continue;
      }
      if (words.length > 4) {
        return false;
      }
      for (String word : words) {
        if (!Character.isUpperCase(word.codePointAt(0)) && !NAME_PARTICLES.contains(word)) {
          return false;
        }
      }
      named |= words.length >= 2;
    }
    return named;
  }

  /** The names alone: "Jane Doe (Acme), John Roe" is "Jane Doe , John Roe". */
  public static String withoutAffiliations(String names) {
    return names.replaceAll("\\([^)]*\\)", " ").replaceAll("\\s+", " ").strip();
  }

  private static boolean isName(String name) {
    if (name.isEmpty() || name.length() > MAX_NAME || !Character.isLetterOrDigit(name.codePointAt(0)) && name.charAt(0) != '@') {
      return false;
    }
    String[] words = name.split("[\\s,]+");
    String first = words[0].toLowerCase(Locale.ROOT);
    // "By the way" is prose, "By The OpenTelemetry Community" a name.
    boolean article = first.equals("the") || first.equals("a") || first.equals("an");
    if (NOT_NAMES.contains(first) || article && (words.length == 1 || Character.isLowerCase(words[1].codePointAt(0)))) {
      return false;
    }
    // A sentence ends with a word and a full stop; a name may end with an initial or "Inc.".
    return !name.matches("(?s).*\\p{L}{4,}[.!?]$") && !name.contains(": ") && name.split("\\s+").length <= 60;
  }
}
