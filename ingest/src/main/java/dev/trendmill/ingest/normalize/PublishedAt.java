package dev.trendmill.ingest.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trendmill.schemas.deadletter.RejectedRecordException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads {@code published_at}: ISO-8601 with or without zone (UTC assumed), a date, RFC 1123, or epoch millis. */
public final class PublishedAt {
  // Article.published_at is Avro timestamp-millis: a later (or earlier) instant would fail in the serializer.
  private static final Instant MIN = Instant.ofEpochMilli(Long.MIN_VALUE);
  private static final Instant MAX = Instant.ofEpochMilli(Long.MAX_VALUE);

  private PublishedAt() {}

  /** The instant, or null when the field is absent; a present but unreadable value is rejected. */
  public static Instant parse(JsonNode field) {
    if (field == null || field.isNull()) {
      return null;
    }
    if (field.isIntegralNumber()) {
      if (!field.canConvertToLong()) {
        throw new RejectedRecordException(
            "invalid-published-at", "Field 'published_at' is too large for epoch millis: " + abbreviate(field.asText()));
      }
      return Instant.ofEpochMilli(field.longValue());
    }
    if (!field.isTextual()) {
      throw new RejectedRecordException("invalid-published-at", "Field 'published_at' must be a date string or epoch millis");
    }
    String text = field.textValue().strip();
    if (text.isEmpty()) {
      return null;
    }
    Instant parsed = parseText(text);
    if (parsed == null) {
      throw new RejectedRecordException("invalid-published-at", "Cannot read 'published_at' as a date: " + abbreviate(text));
    }
    if (parsed.isBefore(MIN) || parsed.isAfter(MAX)) {
      throw new RejectedRecordException(
          "invalid-published-at", "'published_at' is outside the range of epoch millis: " + abbreviate(text));
    }
    return parsed;
  }

  /** A date string in one of the accepted formats, or null. */
  public static Instant parseText(String text) {
    if (text.chars().allMatch(Character::isDigit) && text.length() >= 10 && text.length() <= 13) {
      return Instant.ofEpochMilli(Long.parseLong(text));
    }
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException ignored) {
      // next format
    }
    try {
      return ZonedDateTime.parse(text, DateTimeFormatter.ISO_ZONED_DATE_TIME).toInstant();
    } catch (DateTimeParseException ignored) {
      // next format
    }
    try {
      return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException ignored) {
      // next format
    }
    try {
      return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException ignored) {
      // next format
    }
    try {
      return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException ignored) {
      return null;
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
