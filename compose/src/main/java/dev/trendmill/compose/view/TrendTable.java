package dev.trendmill.compose.view;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;

/** Prints a leaderboard from the view as a plain-text table. */
public final class TrendTable {
  private TrendTable() {}

  public static void print(JsonNode board, PrintWriter out) {
    String horizon = board.path("horizon").asText();
    out.printf("Top entities, %s (as of %s)%n", horizon.equals("all") ? "all time" : "last " + horizon, board.path("as_of").asText("-"));
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

  private static String truncate(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 1) + "…";
  }
}
