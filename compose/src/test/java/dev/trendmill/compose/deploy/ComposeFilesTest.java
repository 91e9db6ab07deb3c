package dev.trendmill.compose.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.trendmill.aggregate.AggregateConfig;
import dev.trendmill.enrich.EnrichConfig;
import dev.trendmill.ingest.IngestConfig;
import dev.trendmill.schemas.config.ConfigSources;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

/**
 * What can be checked of the container deployment without a Docker engine: the compose file parses and uses the
 * official images; every file it, the Dockerfile and Grafana's provisioning refer to exists; every service's
 * TRENDMILL_* variable is a real setting of that service; ports agree between the services, the compose port
 * mappings, the Dockerfile and Prometheus' targets; the Grafana dashboard parses; Prometheus' config and rules pass
 * {@code promtool check} where promtool is installed.
 */
class ComposeFilesTest {
  private static final Path COMPOSE_DIR = Path.of("").toAbsolutePath().getFileName().toString().equals("compose") ? Path.of("") : Path.of("compose");
  private static final Path ROOT = COMPOSE_DIR.toAbsolutePath().getParent();
  private static final Map<String, ConfigDef> SERVICE_CONFIGS =
      Map.of("ingest", IngestConfig.CONFIG_DEF, "enrich", EnrichConfig.CONFIG_DEF, "aggregate", AggregateConfig.CONFIG_DEF);

  private static JsonNode compose() throws Exception {
    return new YAMLMapper().readTree(COMPOSE_DIR.resolve("docker-compose.yml").toFile());
  }

  @Test
  void composeRunsTheOfficialImagesAndTheThreeServices() throws Exception {
    JsonNode services = compose().path("services");
    assertThat(services.path("kafka").path("image").asText()).startsWith("apache/kafka:");
    assertThat(services.path("kafka").path("environment").path("KAFKA_PROCESS_ROLES").asText()).isEqualTo("broker,controller");
    assertThat(services.path("schema-registry").path("image").asText()).startsWith("confluentinc/cp-schema-registry:");
    assertThat(services.path("prometheus").path("image").asText()).startsWith("prom/prometheus:");
    assertThat(services.path("grafana").path("image").asText()).startsWith("grafana/grafana:");
    for (String service : SERVICE_CONFIGS.keySet()) {
      JsonNode build = services.path(service).path("build");
      assertThat(build.path("target").asText()).isEqualTo(service);
      Path context = COMPOSE_DIR.resolve(build.path("context").asText()).normalize();
      assertThat(context.toAbsolutePath().normalize()).isEqualTo(ROOT.normalize());
      assertThat(context.resolve(build.path("dockerfile").asText())).isRegularFile();
    }
  }

  @Test
  void everyFileReferencedExists() throws Exception {
    List<String> missing = new ArrayList<>();
    compose()
        .path("services")
        .forEach(
            service ->
                service.path("volumes").forEach(volume -> {
                  String source = volume.asText().split(":")[0];
                  if (source.startsWith(".") && !Files.exists(COMPOSE_DIR.resolve(source))) {
                    missing.add(source);
                  }
                }));
    // Paths the Dockerfile copies out of the build stage are the modules' jars and lib directories.
    Matcher copy = Pattern.compile("COPY --from=build /src/(\\S+?)/? ").matcher(Files.readString(COMPOSE_DIR.resolve("Dockerfile")));
    int copies = 0;
    while (copy.find()) {
      copies++;
      String path = copy.group(1);
      Matcher module = Pattern.compile("(\\w+)/target/(?:lib|trendmill-(\\w+)\\.jar)").matcher(path);
      assertThat(module.matches()).as(path).isTrue();
      assertThat(ROOT.resolve(module.group(1)).resolve("pom.xml")).isRegularFile();
      if (module.group(2) != null) {
        assertThat(module.group(2)).isEqualTo(module.group(1));
        assertThat(Files.readString(ROOT.resolve(module.group(1)).resolve("pom.xml"))).contains("<finalName>trendmill-" + module.group(1) + "</finalName>");
      }
    }
    assertThat(copies).isEqualTo(6);
    Path provisioning = COMPOSE_DIR.resolve("grafana/provisioning/dashboards/trendmill.yml");
    assertThat(new YAMLMapper().readTree(provisioning.toFile()).path("providers").get(0).path("options").path("path").asText()).isEqualTo("/var/lib/grafana/dashboards");
    assertThat(missing).isEmpty();
  }

  @Test
  void everyServiceVariableIsARealSettingOfThatService() throws Exception {
    JsonNode services = compose().path("services");
    for (Map.Entry<String, ConfigDef> service : SERVICE_CONFIGS.entrySet()) {
      Map<String, String> env = new HashMap<>();
      services.path(service.getKey()).path("environment").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
      Set<String> known = service.getValue().names();
      Map<String, String> settings = ConfigSources.fromEnvironment(env);
      assertThat(settings).isNotEmpty();
      assertThat(known).as("settings of %s", service.getKey()).containsAll(settings.keySet());
      // And the values are valid: the config class accepts them.
      Map<String, Object> parsed = service.getValue().parse(settings);
      assertThat(parsed).isNotEmpty();
    }
  }

  @Test
  void portsAgreeBetweenServicesComposeDockerfileAndPrometheus() throws Exception {
    JsonNode services = compose().path("services");
    JsonNode prometheus = new YAMLMapper().readTree(COMPOSE_DIR.resolve("prometheus/prometheus.yml").toFile());
    Map<String, String> targets = new LinkedHashMap<>();
    prometheus.path("scrape_configs").forEach(job -> job.path("static_configs").forEach(c -> c.path("targets").forEach(t -> targets.put(t.asText().split(":")[0], t.asText().split(":")[1]))));
    String dockerfile = Files.readString(COMPOSE_DIR.resolve("Dockerfile"));
    for (String service : SERVICE_CONFIGS.keySet()) {
      String port = services.path(service).path("environment").path("TRENDMILL_HTTP_PORT").asText();
      assertThat(port).as(service).isNotBlank();
      List<String> mappings = new ArrayList<>();
      services.path(service).path("ports").forEach(p -> mappings.add(p.asText()));
      assertThat(mappings).as(service).anyMatch(m -> m.endsWith(":" + port));
      assertThat(targets).as("Prometheus scrapes %s", service).containsEntry(service, port);
      Matcher stage = Pattern.compile("FROM runtime AS " + service + "\\n(?:.*\\n)*?EXPOSE (\\d+)").matcher(dockerfile);
      assertThat(stage.find()).as(service).isTrue();
      assertThat(stage.group(1)).isEqualTo(port);
    }
    String advertised = services.path("aggregate").path("environment").path("TRENDMILL_HTTP_ADVERTISED_URL").asText();
    assertThat(advertised).isEqualTo("aggregate:" + services.path("aggregate").path("environment").path("TRENDMILL_HTTP_PORT").asText());
  }

  @Test
  void theGrafanaDashboardParsesAndUsesTheProvisionedDataSource() throws Exception {
    JsonNode dashboard = new ObjectMapper().readTree(COMPOSE_DIR.resolve("grafana/dashboards/trendmill.json").toFile());
    String uid = new YAMLMapper().readTree(COMPOSE_DIR.resolve("grafana/provisioning/datasources/prometheus.yml").toFile()).path("datasources").get(0).path("uid").asText();
    assertThat(dashboard.path("panels").size()).isGreaterThanOrEqualTo(6);
    List<String> titles = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      titles.add(panel.path("title").asText());
      assertThat(panel.path("datasource").path("uid").asText()).isEqualTo(uid);
      assertThat(panel.path("targets").size()).isPositive();
      panel.path("targets").forEach(t -> assertThat(t.path("expr").asText()).contains("trendmill_"));
    }
    assertThat(String.join("|", titles)).contains("Lag in seconds", "Throughput", "Dead letters", "End-to-end latency");
  }

  @Test
  void prometheusConfigAndRulesPassPromtool() throws Exception {
    assumeTrue(onPath("promtool"), "promtool is not installed (Debian: apt-get install prometheus)");
    assertThat(promtool("check", "config", COMPOSE_DIR.resolve("prometheus/prometheus.yml").toString())).isZero();
    assertThat(promtool("check", "rules", COMPOSE_DIR.resolve("prometheus/alerts.yml").toString())).isZero();
    assertThat(promtool("test", "rules", COMPOSE_DIR.resolve("prometheus/alerts-test.yml").toString())).isZero();
  }

  private static boolean onPath(String command) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }

  private static int promtool(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("promtool"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    if (process.exitValue() != 0) {
      System.err.println(String.join(" ", command) + ":\n" + output);
    }
    return process.exitValue();
  }
}
