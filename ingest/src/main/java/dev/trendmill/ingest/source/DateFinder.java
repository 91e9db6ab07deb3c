package dev.trendmill.ingest.source;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the publication date in the first lines of a text or its byline: "March 3 2021", "Sept. 9, 2020",
 * "Tue, 3 March 2021", "2021-03-03", "03/09/2021", with an optional time ("09:15", "9:15 pm") and zone ("EST",
 * "UTC", "+01:00") anywhere on the same line, as in "Updated 09:15 EST / March 3 2021". A line saying "Published"
 * wins over one saying "Updated". Without a time the date is read as midnight UTC; without a zone the time as UTC.
 * Pure; hand-written because date-in-prose parsers on Maven Central (Natty, PrettyTime) are unmaintained.
 */
public final class DateFinder {
  /** How many non-empty lines from the top are searched. */
  public static final int LINES = 12;

  private static final String MONTH =
      "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
  private static final Pattern MONTH_FIRST =
      Pattern.compile("(?i)\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b");
  private static final Pattern DAY_FIRST =
      Pattern.compile("(?i)\\b(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+(?:of\\s+)?" + MONTH + ",?\\s+(\\d{4})\\b");
  private static final Pattern ISO =
      Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?\\s*(Z|[+-]\\d{2}:?\\d{2})?)?\\b");
  private static final Pattern NUMERIC = Pattern.compile("\\b(\\d{1,2})([/.])(\\d{1,2})\\2(\\d{4})\\b");
  private static final Pattern TIME =
      Pattern.compile(
          "(?i)(?<![\\d:])(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([ap])?\\.?(?:m\\.?)?(?![\\w:])\\s*(?:\\(?\\b(UTC|GMT|Z|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|EET|EEST|JST|IST|AEST|AEDT)\\b\\)?|([+-]\\d{2}:?\\d{2})\\b)?");
  private static final Map<String, Integer> ZONES =
      Map.ofEntries(
          Map.entry("UTC", 0), Map.entry("GMT", 0), Map.entry("Z", 0),
          Map.entry("EST", -5 * 60), Map.entry("EDT", -4 * 60), Map.entry("CST", -6 * 60), Map.entry("CDT", -5 * 60),
          Map.entry("MST", -7 * 60), Map.entry("MDT", -6 * 60), Map.entry("PST", -8 * 60), Map.entry("PDT", -7 * 60),
          Map.entry("BST", 60), Map.entry("CET", 60), Map.entry("CEST", 120), Map.entry("EET", 120), Map.entry("EEST", 180),
          Map.entry("JST", 9 * 60), Map.entry("IST", 5 * 60 + 30), Map.entry("AEST", 10 * 60), Map.entry("AEDT", 11 * 60));
  private static final Pattern PUBLISHED = Pattern.compile("(?i)\\b(published|posted|date|by)\\b");
  private static final Pattern UPDATED = Pattern.compile("(?i)\\b(updated|modified|edited)\\b");
  /** What a dateline holds besides its date and time: words saying which date, weekdays, reading times, separators. */
  private static final Pattern DATELINE_WORDS =
      Pattern.compile(
          "(?i)\\b(published|updated|posted|last|modified|edited|on|at|date|mon(day)?|tue(s|sday)?|wed(nesday)?|thu(rs|rsday)?|fri(day)?|sat(urday)?|sun(day)?"
              + "|\\d+\\s*(min|mins|minutes?)(\\s+read)?|read|reading|time)\\b\\.?|[·|•/—–,:()\\[\\]-]");

  private DateFinder() {}

  /** The first date in the first {@link #LINES} non-empty lines, a "published" line preferred over an "updated" one. */
  public static Optional<Instant> find(String text) {
    if (text == null) {
      return Optional.empty();
    }
    List<String> lines = text.lines().map(String::strip).filter(line -> !line.isEmpty()).limit(LINES).toList();
    Instant updated = null;
    for (String line : lines) {
      Optional<Instant> found = inLine(line);
      if (found.isEmpty()) {
        continue;
      }
      if (UPDATED.matcher(line).find() && !PUBLISHED.matcher(line).find()) {
        updated = updated == null ? found.get() : updated;
        continue;
      }
      return found;
    }
    return Optional.ofNullable(updated);
  }

  /** A date (and the time and zone on the same line, if any) in one line. */
  public static Optional<Instant> inLine(String line) {
    return locate(line).map(Found::instant);
  }

  /** A date found in a line: the moment it gives and where its date part stands. */
  public record Found(Instant instant, int start, int end) {}

  /** The first date in a line (ISO first, then month names, then numbers), with the time and zone on the line. */
  public static Optional<Found> locate(String line) {
    Matcher iso = ISO.matcher(line);
    if (iso.find()) {
      Optional<LocalDate> date = date(iso.group(1), iso.group(2), iso.group(3));
      if (date.isPresent()) {
        if (iso.group(4) != null && iso.group(7) != null) {
          LocalTime time = LocalTime.of(Integer.parseInt(iso.group(4)), Integer.parseInt(iso.group(5)), iso.group(6) == null ? 0 : Integer.parseInt(iso.group(6)));
          int offset = offsetMinutes(iso.group(7));
          return Optional.of(new Found(date.get().atTime(time).toInstant(ZoneOffset.ofTotalSeconds(offset * 60)), iso.start(), iso.end()));
        }
        // A time without offset: read it with the zone that may follow ("2022-07-01 08:00 PDT").
        return Optional.of(new Found(withTime(date.get(), line, iso.start(), iso.start() + 10), iso.start(), iso.start() + 10));
      }
    }
    for (Pattern pattern : List.of(MONTH_FIRST, DAY_FIRST)) {
      Matcher m = pattern.matcher(line);
      if (m.find()) {
        boolean monthFirst = pattern == MONTH_FIRST;
        String month = Integer.toString(month(monthFirst ? m.group(1) : m.group(2)));
        Optional<LocalDate> date = date(m.group(3), month, monthFirst ? m.group(2) : m.group(1));
        if (date.isPresent()) {
          return Optional.of(new Found(withTime(date.get(), line, m.start(), m.end()), m.start(), m.end()));
        }
      }
    }
    Matcher numeric = NUMERIC.matcher(line);
    if (numeric.find()) {
      int first = Integer.parseInt(numeric.group(1));
      int second = Integer.parseInt(numeric.group(3));
      // 03/09/2021 is read the US way (month first) with slashes, day first with dots; a first part > 12 is a day.
      boolean dayFirst = numeric.group(2).equals(".") || first > 12;
      Optional<LocalDate> date =
          date(numeric.group(4), Integer.toString(dayFirst ? second : first), Integer.toString(dayFirst ? first : second));
      if (date.isPresent()) {
        return Optional.of(new Found(withTime(date.get(), line, numeric.start(), numeric.end()), numeric.start(), numeric.end()));
      }
    }
    return Optional.empty();
  }

  /**
   * A line that is a date and little else, as sites write under or above a headline: "UPDATED 09:15 EST / MARCH 3
   * 2021", "Posted on 2021-03-03", "March 3, 2021 · 7 min read", "CLOUD | Mar. 3, 2021". Not a line of prose or a
   * headline that happens to hold a date ("Ten kubectl tricks, Feb. 27, 2019").
   */
  public static boolean isDateline(String line) {
    Optional<Found> found = locate(line);
    if (found.isEmpty() || line.length() > 100) {
      return false;
    }
    String rest = line.substring(0, found.get().start()) + " " + line.substring(found.get().end());
    rest = DATELINE_WORDS.matcher(TIME.matcher(rest).replaceAll(" ")).replaceAll(" ");
    return rest.isBlank() || rest.strip().split("\\s+").length <= 2;
  }

  private static Instant withTime(LocalDate date, String line, int dateStart, int dateEnd) {
    // The time may stand before the date ("09:15 EST / March 3 2021") or after it ("March 3, 2021 at 9:15 pm").
    String masked = line.substring(0, dateStart) + " ".repeat(dateEnd - dateStart) + line.substring(dateEnd);
    Matcher time = TIME.matcher(masked);
    if (!time.find()) {
      return date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    int hour = Integer.parseInt(time.group(1));
    int minute = Integer.parseInt(time.group(2));
    int second = time.group(3) == null ? 0 : Integer.parseInt(time.group(3));
    if (time.group(4) != null) {
      boolean pm = time.group(4).equalsIgnoreCase("p");
      hour = hour % 12 + (pm ? 12 : 0);
    }
    if (hour > 23 || minute > 59 || second > 59) {
      return date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    int offset = 0;
    if (time.group(5) != null) {
      offset = ZONES.get(time.group(5).toUpperCase(Locale.ROOT));
    } else if (time.group(6) != null) {
      offset = offsetMinutes(time.group(6));
    }
    return date.atTime(hour, minute, second).toInstant(ZoneOffset.ofTotalSeconds(offset * 60));
  }

  private static int offsetMinutes(String offset) {
    if (offset.equals("Z")) {
      return 0;
    }
    String digits = offset.substring(1).replace(":", "");
    int minutes = Integer.parseInt(digits.substring(0, 2)) * 60 + Integer.parseInt(digits.substring(2));
    return offset.startsWith("-") ? -minutes : minutes;
  }

  private static int month(String name) {
    String prefix = name.toLowerCase(Locale.ROOT).substring(0, 3);
    return List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec").indexOf(prefix) + 1;
  }

  private static Optional<LocalDate> date(String year, String month, String day) {
    try {
      int y = Integer.parseInt(year);
      if (y < 1900 || y > 2200) {
        return Optional.empty();
      }
      return Optional.of(LocalDate.of(y, Integer.parseInt(month), Integer.parseInt(day)));
    } catch (DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
