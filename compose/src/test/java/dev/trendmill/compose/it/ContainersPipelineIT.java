package dev.trendmill.compose.it;

import dev.trendmill.aggregate.AggregateConfig;
import dev.trendmill.aggregate.AggregateService;
import dev.trendmill.compose.embedded.Deadline;
import dev.trendmill.enrich.EnrichConfig;
import dev.trendmill.enrich.EnrichService;
import dev.trendmill.ingest.IngestConfig;
import dev.trendmill.ingest.IngestService;
import dev.trendmill.schemas.TopicAdmin;
import dev.trendmill.schemas.TopicNames;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The same end-to-end scenario against the official images — Apache Kafka and Confluent Schema Registry — with the
 * services in this JVM. Runs where a Docker engine is reachable; JUnit reports it skipped elsewhere (our machines and
 * CI have none, so {@link PipelineIT} is the one that runs there).
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainersPipelineIT {
  private static final Network NETWORK = Network.newNetwork();

  @Container
  private static final KafkaContainer KAFKA =
      new KafkaContainer("apache/kafka:4.1.0").withNetwork(NETWORK).withListener("kafka:19092");

  @Container
  private static final GenericContainer<?> REGISTRY =
      new GenericContainer<>("confluentinc/cp-schema-registry:7.9.0")
          .withNetwork(NETWORK)
          .dependsOn(KAFKA)
          .withExposedPorts(8081)
          .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
          .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
          .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
          .waitingFor(Wait.forHttp("/subjects").forStatusCode(200));

  @TempDir Path stateDir;

  @Test
  void samplesAreCountedExactlyAndEveryBadRecordIsDeadLetteredWithItsReason() throws Exception {
    String registryUrl = "http://" + REGISTRY.getHost() + ":" + REGISTRY.getMappedPort(8081);
    Map<String, Object> common = Map.of("bootstrap.servers", KAFKA.getBootstrapServers(), "schema.registry.url", registryUrl);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", KAFKA.getBootstrapServers()))) {
      TopicAdmin.ensureTopics(admin, TopicNames.DEFAULT, 3, (short) 1);
    }
    try (IngestService ingest = new IngestService(new IngestConfig(with(with(common, "state.dir", stateDir.resolve("ingest")), "http.port", 0))).start();
        EnrichService enrich = new EnrichService(new EnrichConfig(with(with(common, "state.dir", stateDir.resolve("enrich")), "http.port", 0))).start();
        AggregateService aggregate =
            new AggregateService(new AggregateConfig(with(with(common, "state.dir", stateDir.resolve("aggregate")), "http.port", 0))).start()) {
      Deadline.await(Duration.ofMinutes(2), Duration.ofMillis(200), () -> ingest.app().isRunning() && enrich.app().isRunning() && aggregate.app().isRunning());
      PipelineScenario.samplesAreCountedExactlyAndEveryBadRecordIsDeadLettered(
          new PipelineScenario.Endpoints(KAFKA.getBootstrapServers(), registryUrl, "http://127.0.0.1:" + aggregate.httpPort(), null));
    }
  }

  private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
    Map<String, Object> copy = new java.util.HashMap<>(base);
    copy.put(key, value.toString());
    return copy;
  }
}
