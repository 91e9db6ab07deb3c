package dev.trendmill.compose.embedded;

import java.nio.file.Path;

/**
 * Where the local stack keeps its data and which loopback ports it uses.
 *
 * @param dataDir everything the stack keeps: broker logs, registry database, service state, process logs
 * @param host the address every part listens on (127.0.0.1 unless told otherwise)
 * @param partitions partitions of each pipeline topic created by the stack
 * @param ingestPort the ingest service's HTTP endpoint (POST /articles, /health, /metrics)
 * @param enrichPort the enrich service's operations endpoint (/metrics, /health/live, /health/ready)
 */
public record StackSettings(
    Path dataDir,
    String host,
    int kafkaPort,
    int controllerPort,
    int registryPort,
    int registryManagementPort,
    int viewPort,
    int partitions,
    int ingestPort,
    int enrichPort) {

  public static final int DEFAULT_KAFKA_PORT = 9092;
  public static final int DEFAULT_REGISTRY_PORT = 8081;
  public static final int DEFAULT_VIEW_PORT = 8080;
  public static final int DEFAULT_INGEST_PORT = 8082;
  public static final int DEFAULT_ENRICH_PORT = 8083;

  public static StackSettings defaults(Path dataDir) {
    return new StackSettings(dataDir, "127.0.0.1", DEFAULT_KAFKA_PORT, 9093, DEFAULT_REGISTRY_PORT, 9081, DEFAULT_VIEW_PORT, 3, DEFAULT_INGEST_PORT, DEFAULT_ENRICH_PORT);
  }

  /** Every port chosen free at random, for tests and side-by-side stacks. */
  public static StackSettings randomPorts(Path dataDir) {
    return new StackSettings(
        dataDir, "127.0.0.1", Ports.freePort(), Ports.freePort(), Ports.freePort(), Ports.freePort(), Ports.freePort(), 3, Ports.freePort(), Ports.freePort());
  }

  public String bootstrapServers() {
    return host + ":" + kafkaPort;
  }

  public String registryUrl() {
    return "http://" + host + ":" + registryPort + EmbeddedRegistry.CCOMPAT_PATH;
  }

  public String ingestUrl() {
    return "http://" + host + ":" + ingestPort;
  }

  public String enrichUrl() {
    return "http://" + host + ":" + enrichPort;
  }

  public String viewUrl() {
    return "http://" + host + ":" + viewPort;
  }
}
