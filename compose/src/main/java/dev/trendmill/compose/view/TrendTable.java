package dev.trendmill.compose.view;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;

/** Prints a leaderboard from the view as a plain-text table. */
public final class TrendTable {
  private TrendTable() {}

  public static void print(JsonNode board, PrintWriter out) {
    String horizon = board.path("horizon").asText();
    String type = board.path("type").isTextual() ? ", " + board.path("type").asText() : "";
    out.printf("Top entities%s, %s (as of %s)%n", type, horizon.equals("all") ? "all time" : "last " + horizon, board.path("as_of").asText("-"));
    boolean scored = !horizon.equals("all");
    out.println(scored ? String.format("%4s  %-36s %-13s %8s %8s", "#", "entity", "type", "articles", "score")
        : String.format("%4s  %-36s %-13s %8s", "#", "entity", "type", "articles"));
    for (JsonNode row : board.path("trends")) {
      String name = truncate(row.path("name").asText(), 36);
      if (scored) {
        out.printf("%4d  %-36s %-13s %8d %8.2f%n", row.path("rank").asInt(), name, row.path("type").asText(), row.path("count").asLong(), row.path("score").asDouble());
      } else {
        out.printf("%4d  %-36s %-13s %8d%n", row.path("rank").asInt(), name, row.path("type").asText(), row.path("count").asLong());
      }
    }
    if (board.path("trends").isEmpty()) {
      out.println("   (nothing counted yet)");
    }
    out.flush();
  }

  private static final char[] BARS = {'▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'};

  /** A one-line chart of counts: each value as one of eight bar heights, scaled to the largest. */
  public static String sparkline(long[] values) {
    long max = 1;
    for (long value : values) {
      max = Math.max(max, value);
    }
    StringBuilder line = new StringBuilder(values.length);
    for (long value : values) {
      line.append(value <= 0 ? ' ' : BARS[(int) Math.min(BARS.length - 1, (value * (BARS.length - 1) + max - 1) / max)]);
    }
    return line.toString();
  }

  private static String truncate(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 1) + "…";
  }
}
