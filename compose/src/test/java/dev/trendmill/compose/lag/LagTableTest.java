package dev.trendmill.compose.lag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trendmill.schemas.lag.LagReport;
import dev.trendmill.schemas.lag.LagStatus;
import dev.trendmill.schemas.lag.PartitionKey;
import dev.trendmill.schemas.lag.PartitionLag;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LagTableTest {
  private static PartitionLag row(String group, int partition, LagStatus status, long lag, long lagMs) {
    return new PartitionLag(new PartitionKey(group, "articles", partition), 10, 10 + lag, lag, lagMs, 1, 12_000, true, 1, status, "because", 10, 1_000_000);
  }

  @Test
  void printsOneTablePerGroupWorstGroupFirst() {
    Map<String, LagReport.GroupState> groups = new LinkedHashMap<>();
    groups.put("a-fine", new LagReport.GroupState("Stable", 1));
    groups.put("b-stuck", new LagReport.GroupState("Stable", 1));
    groups.put("c-empty", new LagReport.GroupState("Dead", 0));
    LagReport report =
        new LagReport(1_000_000, 2000, 10, groups, List.of(row("b-stuck", 1, LagStatus.STALLED, 42, 31_500), row("a-fine", 0, LagStatus.OK, 0, 0), row("b-stuck", 0, LagStatus.OK, 0, 0)));
    StringWriter out = new StringWriter();
    LagTable.print(report, new PrintWriter(out));
    String text = out.toString();
    assertThat(text.indexOf("b-stuck  STALLED")).isGreaterThanOrEqualTo(0).isLessThan(text.indexOf("a-fine  OK"));
    assertThat(text).contains("articles-1").contains("31.5").contains(">= 12 s ago").contains("worst: articles-1 is stalled: because");
    assertThat(text).contains("c-empty  OK  (Dead, 0 members, 0 partitions)").contains("nothing to show");
    assertThat(text).contains("Status from the last 10 samples per partition, one every 2.0 s.");
  }
}
