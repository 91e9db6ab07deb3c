package dev.trendmill.aggregate.score;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A rolling window length and how often it advances, e.g. 24h advancing by 1h. Counts are kept in tumbling buckets
 * of the advance; the window ending at a bucket boundary is the sum of the {@code length / advance} buckets before it.
 */
public record Horizon(String name, Duration length, Duration advance) {
  public Horizon {
    if (advance.isZero() || advance.isNegative() || length.compareTo(advance) < 0 || length.toMillis() % advance.toMillis() != 0) {
      throw new IllegalArgumentException(
          "Horizon " + name + ": the length must be a positive multiple of the advance, got " + length + " / " + advance);
    }
  }

  /** Parses {@code 24h/1h,7d/6h} (units s, m, h, d). */
  public static List<Horizon> parseList(String spec) {
    List<Horizon> horizons = new ArrayList<>();
    for (String part : spec.split(",")) {
      String trimmed = part.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      String[] pieces = trimmed.split("/");
      if (pieces.length != 2) {
        throw new IllegalArgumentException("Horizon '" + trimmed + "' must be LENGTH/ADVANCE, e.g. 24h/1h");
      }
      horizons.add(new Horizon(pieces[0].strip(), parseDuration(pieces[0]), parseDuration(pieces[1])));
    }
    if (horizons.isEmpty()) {
      throw new IllegalArgumentException("At least one horizon is needed, e.g. 24h/1h");
    }
    return horizons;
  }

  public static Duration parseDuration(String text) {
    String trimmed = text.strip().toLowerCase(Locale.ROOT);
    if (trimmed.length() < 2) {
      throw new IllegalArgumentException("Not a duration: '" + text + "' (use e.g. 5m, 1h, 7d)");
    }
    long amount;
    try {
      amount = Long.parseLong(trimmed.substring(0, trimmed.length() - 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Not a duration: '" + text + "' (use e.g. 5m, 1h, 7d)", e);
    }
    return switch (trimmed.charAt(trimmed.length() - 1)) {
      case 's' -> Duration.ofSeconds(amount);
      case 'm' -> Duration.ofMinutes(amount);
      case 'h' -> Duration.ofHours(amount);
      case 'd' -> Duration.ofDays(amount);
      default -> throw new IllegalArgumentException("Not a duration: '" + text + "' (use e.g. 5m, 1h, 7d)");
    };
  }

  /** Start of the bucket holding {@code timestamp}. */
  public long bucketStart(long timestamp) {
    return Math.floorDiv(timestamp, advance.toMillis()) * advance.toMillis();
  }

  /** The window that ends at the bucket boundary just after {@code timestamp}: [start, end). */
  public Window windowAt(long timestamp) {
    long end = bucketStart(timestamp) + advance.toMillis();
    return new Window(end - length.toMillis(), end);
  }

  /** A half-open time range [start, end) in epoch millis. */
  public record Window(long start, long end) {
    public Window shiftedBack(Duration by) {
      return new Window(start - by.toMillis(), end - by.toMillis());
    }
  }
}
