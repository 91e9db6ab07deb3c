package dev.trendmill.schemas.lag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One round of lag samples over the groups looked at, judged: every partition worst first, and per group its state,
 * members and worst partition. {@link #toMap()} is the JSON shape of {@code GET /api/lag} and {@code trendmill lag --json}.
 *
 * @param groups per group: coordinator state ("Stable", "Empty", "Dead", "unknown"...) and member count
 */
public record LagReport(long sampledAtMs, long intervalMs, int windowSamples, Map<String, GroupState> groups, List<PartitionLag> partitions) {

  public record GroupState(String state, int members) {}

  public static LagReport empty(long intervalMs, int windowSamples) {
    return new LagReport(0, intervalMs, windowSamples, Map.of(), List.of());
  }

  /** The worst status among a group's partitions; ok when it has none. */
  public LagStatus worst(String group) {
    return partitions.stream().filter(p -> p.key().group().equals(group)).map(PartitionLag::status).max(Enum::compareTo).orElse(LagStatus.OK);
  }

  public Map<String, Object> toMap() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("sampled_at_ms", sampledAtMs);
    out.put("interval_ms", intervalMs);
    out.put("window_samples", windowSamples);
    List<Object> groupRows = new ArrayList<>();
    groups.forEach(
        (group, state) -> {
          Map<String, Object> row = new LinkedHashMap<>();
          List<PartitionLag> own = partitions.stream().filter(p -> p.key().group().equals(group)).toList();
          row.put("group", group);
          row.put("state", state.state());
          row.put("members", state.members());
          row.put("status", worst(group).label());
          row.put("lag_records", own.stream().mapToLong(PartitionLag::lagRecords).sum());
          row.put("max_lag_seconds", own.stream().mapToDouble(PartitionLag::lagSeconds).max().orElse(0));
          groupRows.add(row);
        });
    out.put("groups", groupRows);
    List<Object> rows = new ArrayList<>();
    for (PartitionLag p : partitions) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("group", p.key().group());
      row.put("topic", p.key().topic());
      row.put("partition", p.key().partition());
      row.put("status", p.status().label());
      row.put("reason", p.reason());
      row.put("committed_offset", p.committedOffset() < 0 ? null : p.committedOffset());
      row.put("end_offset", p.endOffset());
      row.put("lag_records", p.lagRecords());
      row.put("lag_seconds", p.lagMs() < 0 ? null : p.lagSeconds());
      row.put("oldest_unconsumed_timestamp_ms", p.oldestUnconsumedTimestampMs() < 0 ? null : p.oldestUnconsumedTimestampMs());
      row.put("last_commit_age_seconds", p.lastCommitAgeMs() / 1000.0);
      row.put("last_commit_age_is_lower_bound", p.lastCommitAgeIsLowerBound());
      row.put("members", p.members());
      row.put("samples", p.samples());
      rows.add(row);
    }
    out.put("partitions", rows);
    return out;
  }
}
