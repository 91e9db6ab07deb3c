package dev.trendmill.ingest.source.pagedumps;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How a site writes a date: a {@link DateTimeFormatter} pattern (US English; {@code §} stands for the day's ordinal
 * suffix, "3rd"), the offset of the zone it names, and whether the site writes it in capitals.
 */
public record DateStyle(String pattern, ZoneOffset zone, boolean capitals) {
  static DateStyle of(String pattern) {
    return new DateStyle(pattern, ZoneOffset.UTC, false);
  }

  static DateStyle capitals(String pattern, String offset) {
    return new DateStyle(pattern, ZoneOffset.of(offset), true);
  }

  static DateStyle zoned(String pattern, String offset) {
    return new DateStyle(pattern, ZoneOffset.of(offset), false);
  }

  /** The moment a page gives: the post's day at a time of day, in this style's zone. */
  OffsetDateTime at(LocalDate day, LocalTime time) {
    return day.atTime(time).atOffset(zone);
  }

  String format(OffsetDateTime at) {
    String text = DateTimeFormatter.ofPattern(pattern, Locale.US).format(at).replace("§", ordinalSuffix(at.getDayOfMonth()));
    return capitals ? text.toUpperCase(Locale.US) : text;
  }

  private static String ordinalSuffix(int day) {
    if (day >= 11 && day <= 13) {
      return "th";
    }
    return switch (day % 10) {
      case 1 -> "st";
      case 2 -> "nd";
      case 3 -> "rd";
      default -> "th";
    };
  }
}
