package dev.trendmill.compose.cmd;

import dev.trendmill.compose.embedded.StackSettings;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options of the commands that start the local stack: where data lives and which ports to use. */
public final class StackOptions {
  @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the stack keeps its data (default: ~/.trendmill/data for up, ~/.trendmill/demo for demo; TRENDMILL_HOME moves both).")
  Path dataDir;

  @Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "9092", description = "Kafka listener port (default: ${DEFAULT-VALUE}).")
  int kafkaPort;

  @Option(names = "--controller-port", paramLabel = "PORT", defaultValue = "9093", description = "KRaft controller port (default: ${DEFAULT-VALUE}).")
  int controllerPort;

  @Option(names = "--registry-port", paramLabel = "PORT", defaultValue = "8081", description = "Schema registry port (default: ${DEFAULT-VALUE}).")
  int registryPort;

  @Option(names = "--registry-management-port", paramLabel = "PORT", defaultValue = "9081", description = "Schema registry management port (default: ${DEFAULT-VALUE}).")
  int registryManagementPort;

  @Option(names = "--view-port", paramLabel = "PORT", defaultValue = "8080", description = "Dashboard and API port (default: ${DEFAULT-VALUE}).")
  int viewPort;

  @Option(names = "--ingest-port", paramLabel = "PORT", defaultValue = "8082", description = "Ingest HTTP port, POST /articles (default: ${DEFAULT-VALUE}).")
  int ingestPort;

  @Option(names = "--enrich-port", paramLabel = "PORT", defaultValue = "8083", description = "Enrich's operations port, /metrics and /health (default: ${DEFAULT-VALUE}).")
  int enrichPort;

  @Option(names = "--partitions", paramLabel = "N", defaultValue = "3", description = "Partitions of each pipeline topic when created (default: ${DEFAULT-VALUE}).")
  int partitions;

  /** ~/.trendmill unless TRENDMILL_HOME says otherwise. */
  static Path home() {
    String home = System.getenv("TRENDMILL_HOME");
    return home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".trendmill");
  }

  StackSettings settings(Path defaultDataDir) {
    return new StackSettings(
        dataDir != null ? dataDir : defaultDataDir, "127.0.0.1", kafkaPort, controllerPort, registryPort, registryManagementPort, viewPort, partitions, ingestPort, enrichPort);
  }
}
