package dev.trendmill.compose.progress;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads ingest's counters (suppressed duplicates...) from its Prometheus {@code /metrics}; 0 when there is no ingest URL. */
public final class IngestCounters {
  static final String DUPLICATES_SUPPRESSED = "trendmill_ingest_duplicates_suppressed_total";

  private final String metricsUrl;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  public IngestCounters(String ingestUrl) {
    this.metricsUrl = ingestUrl == null ? null : ingestUrl.replaceAll("/+$", "") + "/metrics";
  }

  long duplicatesSuppressed() {
    return counter(DUPLICATES_SUPPRESSED);
  }

  /** A counter's value, summed over its label sets. */
  public long counter(String metric) {
    if (metricsUrl == null) {
      return 0;
    }
    try {
      String text =
          http.send(HttpRequest.newBuilder(URI.create(metricsUrl)).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
      return sum(text, metric);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read ingest's counters at " + metricsUrl + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while reading " + metricsUrl, e);
    }
  }

  /** The sum of a metric's samples (all label sets) in Prometheus text format. */
  static long sum(String text, String metric) {
    double sum = 0;
    for (String line : text.split("\n")) {
      if (line.startsWith(metric + " ") || line.startsWith(metric + "{")) {
        String[] parts = line.trim().split("\\s+");
        sum += Double.parseDouble(parts[parts.length - 1]);
      }
    }
    return Math.round(sum);
  }
}
