package dev.trendmill.compose.progress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IngestCountersTest {
  @Test
  void sumsEverySampleOfAMetricAndIgnoresOthers() {
    String text =
        """
        # TYPE trendmill_ingest_duplicates_suppressed_total counter
        trendmill_ingest_duplicates_suppressed_total 3
        trendmill_ingest_duplicates_suppressed_total{instance="b"} 4.0
        trendmill_ingest_duplicates_suppressed_totally_else 100
        trendmill_ingest_near_duplicates_total 9
        """;
    assertThat(IngestCounters.sum(text, IngestCounters.DUPLICATES_SUPPRESSED)).isEqualTo(7);
    assertThat(IngestCounters.sum("", IngestCounters.DUPLICATES_SUPPRESSED)).isZero();
  }

  @Test
  void withoutAnIngestUrlNothingIsSuppressed() {
    assertThat(new IngestCounters(null).duplicatesSuppressed()).isZero();
  }
}
