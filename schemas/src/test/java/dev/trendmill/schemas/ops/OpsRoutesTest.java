package dev.trendmill.schemas.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class OpsRoutesTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static HttpResponse<String> get(int port, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void healthFollowsTheProbesAndMetricsAreText() throws Exception {
    AtomicBoolean ready = new AtomicBoolean(false);
    try (OpsMetrics metrics = new OpsMetrics("test");
        OpsHttpServer server = new OpsHttpServer("test", "127.0.0.1", 0, Probes.of(ready::get, metrics::scrape))) {
      assertThat(get(server.port(), "/health/live").statusCode()).isEqualTo(200);
      HttpResponse<String> notReady = get(server.port(), "/health/ready");
      assertThat(notReady.statusCode()).isEqualTo(503);
      assertThat(notReady.body()).contains("\"status\":\"DOWN\"");
      assertThat(get(server.port(), "/health").statusCode()).isEqualTo(503);
      ready.set(true);
      assertThat(get(server.port(), "/health/ready").statusCode()).isEqualTo(200);
      assertThat(get(server.port(), "/health").body()).contains("\"status\":\"UP\"");

      PipelineMeters.deadLetter("ingest", "not-json");
      HttpResponse<String> text = get(server.port(), "/metrics");
      assertThat(text.statusCode()).isEqualTo(200);
      assertThat(text.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain; version=0.0.4");
      assertThat(text.body())
          .contains("# TYPE trendmill_dead_letters_total counter")
          .contains("trendmill_dead_letters_total{reason=\"not-json\",service=\"test\",stage=\"ingest\"} 1.0")
          .contains("jvm_memory_used_bytes{");
    }
  }
}
