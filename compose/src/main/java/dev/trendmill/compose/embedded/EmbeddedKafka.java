package dev.trendmill.compose.embedded;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Apache Kafka broker in KRaft mode (broker and controller in one process), from the
 * {@code kafka_2.13} jars, formatted with Kafka's own storage tool on first start.
 *
 * <p>It runs as a child JVM ({@code kafka.Kafka}) rather than in-process: the broker's heap and GC stay apart from
 * the CLI's, it can be killed and restarted for fault tests, and a stop is a real broker shutdown.
 */
public final class EmbeddedKafka implements AutoCloseable {
  private final Path dataDir;
  private final String host;
  private final int port;
  private final int controllerPort;
  private ChildProcess process;

  public EmbeddedKafka(Path dataDir, String host, int port, int controllerPort) {
    this.dataDir = dataDir;
    this.host = host;
    this.port = port;
    this.controllerPort = controllerPort;
  }

  public String bootstrapServers() {
    return host + ":" + port;
  }

  public ChildProcess process() {
    return process;
  }

  public EmbeddedKafka start(Duration timeout) throws IOException, InterruptedException {
    Path logDir = dataDir.resolve("kafka");
    Files.createDirectories(logDir);
    Path config = dataDir.resolve("kafka.properties");
    writeConfig(config, logDir);
    Path logs = dataDir.resolve("logs");
    if (!Files.exists(logDir.resolve("meta.properties"))) {
      format(config, logs.resolve("kafka-format.log"));
    }
    process =
        ChildProcess.startJava(
            "kafka",
            List.of("-Xms256m", "-Xmx512m", "-XX:+UseG1GC", "-XX:MetaspaceSize=64m", "-Dlog4j2.level=WARN"),
            BrokerMain.class.getName(),
            List.of(config.toString()),
            Map.of(),
            logs.resolve("kafka.log"));
    boolean ready = Deadline.await(timeout, Duration.ofMillis(200), () -> process.isAlive() && answers());
    if (!ready) {
      String tail = process.tail(30);
      process.stop(Duration.ofSeconds(10));
      throw new StackException("Kafka did not start on " + bootstrapServers() + " within " + timeout.toSeconds() + " s; its log ends:\n" + tail);
    }
    return this;
  }

  private void format(Path config, Path log) throws IOException, InterruptedException {
    ChildProcess formatter =
        ChildProcess.startJava(
            "kafka-format",
            List.of("-Xmx256m"),
            "kafka.tools.StorageTool",
            List.of("format", "--cluster-id", Uuid.randomUuid().toString(), "--config", config.toString(), "--ignore-formatted"),
            Map.of(),
            log);
    ProcessHandle handle = ProcessHandle.of(formatter.pid()).orElse(null);
    if (handle != null) {
      try {
        handle.onExit().get(60, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new StackException("Formatting Kafka's storage failed: " + e.getMessage() + "\n" + formatter.tail(20), e);
      }
    }
    if (!Files.exists(dataDir.resolve("kafka").resolve("meta.properties"))) {
      throw new StackException("Formatting Kafka's storage failed; its log ends:\n" + formatter.tail(20));
    }
  }

  private boolean answers() {
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
      return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
    } catch (Exception e) {
      return false;
    }
  }

  private void writeConfig(Path config, Path logDir) throws IOException {
    Properties props = new Properties();
    props.setProperty("process.roles", "broker,controller");
    props.setProperty("node.id", "1");
    props.setProperty("controller.quorum.voters", "1@" + host + ":" + controllerPort);
    props.setProperty("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
    props.setProperty("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
    props.setProperty("controller.listener.names", "CONTROLLER");
    props.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    props.setProperty("inter.broker.listener.name", "PLAINTEXT");
    props.setProperty("log.dirs", logDir.toAbsolutePath().toString());
    // One node: internal topics cannot be replicated.
    props.setProperty("offsets.topic.replication.factor", "1");
    props.setProperty("transaction.state.log.replication.factor", "1");
    props.setProperty("transaction.state.log.min.isr", "1");
    props.setProperty("share.coordinator.state.topic.replication.factor", "1");
    props.setProperty("share.coordinator.state.topic.min.isr", "1");
    props.setProperty("group.initial.rebalance.delay.ms", "0");
    props.setProperty("num.partitions", "1");
    props.setProperty("auto.create.topics.enable", "false");
    // Room for a record a little over ingest's 1 MiB body limit, so that such a record reaches ingest and is
    // dead-lettered with its reason instead of being refused by the broker.
    props.setProperty("message.max.bytes", Integer.toString(4 * 1024 * 1024));
    // The log cleaner's key map lives on the heap: 128 MB by default, 16 MB here (about 700,000 keys per pass, many
    // more than the changelogs of a local stack hold).
    props.setProperty("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024));
    try (Writer writer = Files.newBufferedWriter(config)) {
      props.store(writer, "Written by trendmill up for the embedded broker");
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null) {
      process.stop(Duration.ofSeconds(60));
    }
  }
}
