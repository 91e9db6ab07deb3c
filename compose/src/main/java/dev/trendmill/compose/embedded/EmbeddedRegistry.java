package dev.trendmill.compose.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Apicurio Registry (from Maven Central, unpacked at build time) as a child process on the loopback address, with
 * its schemas in an H2 database file in the data directory so a restart keeps them. Clients use its
 * Confluent-compatible API at {@code /apis/ccompat/v7}.
 */
public final class EmbeddedRegistry implements AutoCloseable {
  public static final String HOME_PROPERTY = "trendmill.registry.home";
  public static final String CCOMPAT_PATH = "/apis/ccompat/v7";

  private final Path home;
  private final Path dataDir;
  private final String host;
  private final int port;
  private final int managementPort;
  private ChildProcess process;

  public EmbeddedRegistry(Path home, Path dataDir, String host, int port, int managementPort) {
    this.home = home;
    this.dataDir = dataDir;
    this.host = host;
    this.port = port;
    this.managementPort = managementPort;
  }

  /**
   * Where the unpacked registry lives: the {@code trendmill.registry.home} property, else {@code apicurio-registry}
   * beside the jar that holds this class (compose/target when built with Maven).
   */
  public static Path locateHome() {
    String configured = System.getProperty(HOME_PROPERTY);
    if (configured != null) {
      return Path.of(configured);
    }
    try {
      Path codeSource = Path.of(EmbeddedRegistry.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path base = Files.isDirectory(codeSource) ? codeSource.getParent() : codeSource.getParent();
      return base.resolve("apicurio-registry");
    } catch (Exception e) {
      return Path.of("compose", "target", "apicurio-registry");
    }
  }

  /** The URL serdes and clients use: the Confluent-compatible API root. */
  public String url() {
    return "http://" + host + ":" + port + CCOMPAT_PATH;
  }

  public ChildProcess process() {
    return process;
  }

  public EmbeddedRegistry start(Duration timeout) throws IOException, InterruptedException {
    Path runner = home.resolve("quarkus-run.jar");
    if (!Files.exists(runner)) {
      throw new StackException(
          "Apicurio Registry is not unpacked at " + home + "; build first: ./mvnw -q package -DskipTests");
    }
    Path storage = dataDir.resolve("registry");
    Files.createDirectories(storage);
    List<String> command =
        List.of(
            ChildProcess.javaExecutable(),
            // It keeps about 30 MB (measured after a full collection) and serves little once clients have cached
            // their schemas: a small serial heap and the quick compiler only. 512 MB of G1 and C2 took 270 MB of RSS
            // for nothing; 128 MB took 235, 96 MB takes less again (BENCHMARKS.md).
            "-Xmx96m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-Dquarkus.http.host=" + host,
            "-Dquarkus.http.port=" + port,
            "-Dquarkus.management.host=" + host,
            "-Dquarkus.management.port=" + managementPort,
            "-Dquarkus.log.level=WARN",
            "-Dquarkus.http.access-log.enabled=false",
            "-Dapicurio.storage.sql.kind=h2",
            "-Dapicurio.datasource.url=jdbc:h2:file:" + storage.toAbsolutePath().resolve("registry"),
            "-jar",
            runner.toString());
    process = ChildProcess.start("registry", command, ChildProcess.NATIVE_MEMORY_ENV, dataDir.resolve("logs").resolve("registry.log"), home);
    boolean ready = Deadline.await(timeout, Duration.ofMillis(250), () -> process.isAlive() && answers());
    if (!ready) {
      String tail = process.tail(30);
      process.stop(Duration.ofSeconds(10));
      throw new StackException("The schema registry did not start on port " + port + " within " + timeout.toSeconds() + " s; its log ends:\n" + tail);
    }
    return this;
  }

  private boolean answers() {
    return HttpProbe.answersOk(url() + "/subjects");
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null) {
      process.stop(Duration.ofSeconds(30));
    }
  }
}
