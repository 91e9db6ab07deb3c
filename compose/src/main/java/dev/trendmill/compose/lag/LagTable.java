package dev.trendmill.compose.lag;

import dev.trendmill.schemas.lag.LagReport;
import dev.trendmill.schemas.lag.LagStatus;
import dev.trendmill.schemas.lag.PartitionLag;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Prints a {@link LagReport} as one table per group, the worst group first and each group's worst partition first. */
public final class LagTable {
  private static final String ROW = "  %-52s %-8s %12s %12s %10s %10s %13s%n";

  private LagTable() {}

  public static void print(LagReport report, PrintWriter out) {
    List<String> groups =
        report.groups().keySet().stream().sorted(Comparator.comparing(report::worst).reversed().thenComparing(Comparator.naturalOrder())).toList();
    if (groups.isEmpty()) {
      out.println("No consumer group to show.");
    }
    for (String group : groups) {
      LagReport.GroupState state = report.groups().get(group);
      List<PartitionLag> rows = report.partitions().stream().filter(p -> p.key().group().equals(group)).toList();
      out.printf(
          Locale.ROOT,
          "%s  %s  (%s, %d member%s, %d partition%s)%n",
          group, report.worst(group).label().toUpperCase(Locale.ROOT), state.state(), state.members(), state.members() == 1 ? "" : "s", rows.size(), rows.size() == 1 ? "" : "s");
      if (rows.isEmpty()) {
        out.println("  no committed offsets and no assignment: nothing to show");
        continue;
      }
      out.printf(Locale.ROOT, ROW, "TOPIC-PARTITION", "STATUS", "COMMITTED", "END", "LAG", "LAG (S)", "LAST COMMIT");
      for (PartitionLag p : rows) {
        out.printf(
            Locale.ROOT,
            ROW,
            p.key().topic() + "-" + p.key().partition(),
            p.status().label(),
            p.committedOffset() < 0 ? "-" : Long.toString(p.committedOffset()),
            Long.toString(p.endOffset()),
            Long.toString(p.lagRecords()),
            p.lagMs() < 0 ? "?" : String.format(Locale.ROOT, "%.1f", p.lagSeconds()),
            (p.lastCommitAgeIsLowerBound() ? ">= " : "") + String.format(Locale.ROOT, "%.0f s ago", p.lastCommitAgeMs() / 1000.0));
      }
      rows.stream()
          .filter(p -> p.status() != LagStatus.OK)
          .findFirst()
          .ifPresent(p -> out.printf(Locale.ROOT, "  worst: %s-%d is %s: %s%n", p.key().topic(), p.key().partition(), p.status().label(), p.reason()));
    }
    out.printf(
        Locale.ROOT,
        "Status from the last %d samples per partition, one every %.1f s. Lag in seconds is the age of the oldest unconsumed record.%n",
        report.windowSamples(),
        report.intervalMs() / 1000.0);
    out.flush();
  }
}
