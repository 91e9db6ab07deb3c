package dev.trendmill.compose.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.trendmill.compose.embedded.LocalStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every service's {@code GET /metrics} parses as Prometheus text and holds the pipeline and lag metrics once the
 * samples went through; the health routes answer; and every metric the Grafana dashboard and the alert rules query
 * is one the services really expose (checked against these scrapes, which are kept in target/metrics/).
 */
@ExtendWith(EmbeddedStackExtension.class)
class MetricsIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Pattern METRIC = Pattern.compile("\\b((?:trendmill|kafka|jvm|process)_[a-z0-9_]+)");

  @Test
  void everyServiceExposesPrometheusMetricsAndHealth(LocalStack stack) throws Exception {
    PipelineScenario.samplesOnce(PipelineScenario.Endpoints.of(stack));
    Map<String, String> urls = new LinkedHashMap<>();
    urls.put("ingest", stack.settings().ingestUrl());
    urls.put("enrich", stack.settings().enrichUrl());
    urls.put("aggregate", stack.settings().viewUrl());

    Map<String, PrometheusText> scrapes = new LinkedHashMap<>();
    for (Map.Entry<String, String> service : urls.entrySet()) {
      for (String path : List.of("/health/live", "/health/ready", "/health")) {
        HttpResponse<String> health = get(service.getValue() + path);
        assertThat(health.statusCode()).as("%s %s: %s", service.getKey(), path, health.body()).isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"");
      }
      HttpResponse<String> response = get(service.getValue() + "/metrics");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
      Path kept = Path.of("target", "metrics", service.getKey() + ".prom");
      Files.createDirectories(kept.getParent());
      Files.writeString(kept, response.body());
      PrometheusText text = PrometheusText.parse(response.body());
      scrapes.put(service.getKey(), text);

      assertThat(text.samples).allSatisfy(s -> assertThat(s.labels()).containsEntry("service", service.getKey()));
      assertThat(text.names()).contains("jvm_memory_used_bytes", "trendmill_records_in_total", "trendmill_records_out_total");
      assertThat(text.names()).anyMatch(name -> name.startsWith("kafka_stream_"));
      assertThat(text.names()).anyMatch(name -> name.startsWith("kafka_consumer_"));
      assertThat(text.sum("trendmill_records_in_total")).as("%s consumed records", service.getKey()).isPositive();
      assertThat(text.sum("trendmill_records_out_total")).as("%s produced records", service.getKey()).isPositive();
    }

    PrometheusText ingest = scrapes.get("ingest");
    assertThat(ingest.names()).contains("trendmill_ingest_duplicates_suppressed_total", "trendmill_ingest_near_duplicates_total", "trendmill_dead_letters_total");
    assertThat(ingest.samples("trendmill_dead_letters_total")).anySatisfy(s -> assertThat(s.labels()).containsEntry("stage", "ingest").containsEntry("reason", "not-json"));
    assertThat(ingest.sum("trendmill_dead_letters_total")).isGreaterThanOrEqualTo(10);
    assertThat(ingest.names()).anyMatch(name -> name.startsWith("kafka_producer_"));

    PrometheusText aggregate = scrapes.get("aggregate");
    assertThat(aggregate.names())
        .contains(
            "trendmill_aggregate_late_articles_total",
            "trendmill_end_to_end_latency_seconds_bucket",
            "trendmill_end_to_end_latency_seconds_count",
            "trendmill_lag_records",
            "trendmill_lag_seconds",
            "trendmill_lag_end_offset",
            "trendmill_lag_committed_offset",
            "trendmill_lag_last_commit_age_seconds",
            "trendmill_lag_status",
            "trendmill_lag_group_members");
    assertThat(aggregate.sum("trendmill_end_to_end_latency_seconds_count")).isPositive();
    Set<String> lagGroups = new TreeSet<>();
    aggregate.samples("trendmill_lag_records").forEach(s -> lagGroups.add(s.labels().get("group")));
    assertThat(lagGroups).containsExactlyInAnyOrderElementsOf(LocalStack.SERVICE_GROUPS);
    assertThat(aggregate.samples("trendmill_lag_records")).anySatisfy(s -> assertThat(s.labels().get("topic")).endsWith("-repartition"));
    assertThat(aggregate.samples("trendmill_lag_status")).allSatisfy(s -> assertThat(s.labels()).containsKeys("group", "topic", "partition", "status"));
    assertThat(aggregate.samples("trendmill_records_out_total")).anySatisfy(s -> assertThat(s.labels().get("topic")).endsWith("mentions-by-partition-repartition"));

    // What Grafana and the alert rules ask for exists.
    Set<String> exposed = new TreeSet<>();
    scrapes.values().forEach(text -> exposed.addAll(text.names()));
    List<String> queried = new ArrayList<>();
    JsonNode dashboard = new ObjectMapper().readTree(Path.of("grafana", "dashboards", "trendmill.json").toFile());
    dashboard.findValues("expr").forEach(expr -> queried.addAll(metricNames(expr.asText())));
    JsonNode rules = new YAMLMapper().readTree(Path.of("prometheus", "alerts.yml").toFile());
    rules.findValues("expr").forEach(expr -> queried.addAll(metricNames(expr.asText())));
    assertThat(queried).isNotEmpty();
    assertThat(exposed).containsAll(queried);
  }

  private static List<String> metricNames(String expr) {
    List<String> names = new ArrayList<>();
    Matcher m = METRIC.matcher(expr);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
