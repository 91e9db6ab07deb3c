package dev.trendmill.compose.embedded;

import dev.trendmill.aggregate.AggregateConfig;
import dev.trendmill.aggregate.AggregateMain;
import dev.trendmill.enrich.EnrichConfig;
import dev.trendmill.enrich.EnrichMain;
import dev.trendmill.ingest.IngestConfig;
import dev.trendmill.ingest.IngestMain;
import dev.trendmill.schemas.TopicAdmin;
import dev.trendmill.schemas.TopicNames;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.utils.Utils;

/**
 * The whole pipeline on one machine: a KRaft Kafka broker, Apicurio Registry, the pipeline topics, then ingest,
 * enrich and aggregate (with the view), each in its own process, all on the loopback address and all keeping their
 * data under one directory, so stopping and starting again resumes where it left off. Stops in reverse order.
 */
public final class LocalStack implements AutoCloseable {
  /** The Kafka Streams application ids, which are also their consumer group ids. */
  public static final List<String> SERVICE_GROUPS =
      List.of(IngestConfig.APPLICATION_ID, EnrichConfig.APPLICATION_ID, AggregateConfig.APPLICATION_ID);

  /** Environment variable that replaces the services' JVM options (heap, collector) of the local stack. */
  public static final String SERVICE_JVM_OPTIONS_ENV = "TRENDMILL_SERVICE_JVM_OPTIONS";

  /**
   * Heaps sized to what each service keeps, measured after a million articles (live after a full collection): the
   * aggregate 54 MB and enrich 25 MB, ingest mostly its near-duplicate index of the 30-day retention (125 bytes an
   * article, about 125 MB at a million, by {@code NearDuplicatesBenchmark}); the serial collector otherwise lets
   * garbage fill each old generation up to the cap. Ingest had 512 MB while its index took
   * 176 MB (at 448 MB its full collections put its hops' p99 at 2.5 s); the compact index let it down to 384 MB with
   * its hops' p99 at 0.2 to 0.6 s (BENCHMARKS.md), and then to 352 MB, the aggregate from 256 to 224 and enrich from
   * 128 to 96, to bring the stack under 2 GB after a million articles with freshness p99 still under 1 s (1,900 and
   * 1,904 MiB, p99 0.73 and 0.55 s, in two runs). A 224 to 256 MB start heap for the busy ones: from 64 MB, the young
   * generation was so small that the aggregate spent 7% of a drain in about four young collections a second. The
   * metaspace threshold spares each start three full collections.
   */
  private static final Map<String, List<String>> SERVICE_HEAPS =
      Map.of(
          "ingest", List.of("-Xms256m", "-Xmx352m"),
          "enrich", List.of("-Xms96m", "-Xmx96m"),
          "aggregate", List.of("-Xms224m", "-Xmx224m"));

  private static final List<String> OTHER_SERVICE_HEAP = List.of("-Xms256m", "-Xmx512m");

  /**
   * RocksDB memory of each local service ({@code rocksdb.memory.mb}): half the services' default. On the local stack
   * the stores' working sets are small (the aggregate reads its stores only to rebuild its memory, ingest looks ids up
   * through Bloom filters), and after 300,000 articles ingest's and the aggregate's native memory beyond what the JVM
   * accounts for was about their whole 64 MB budget. Set in the environment, the variable wins.
   */
  static final Map<String, String> SERVICE_ROCKSDB_ENV = Map.of("TRENDMILL_ROCKSDB_MEMORY_MB", "32");

  private static final List<String> SERVICE_GC_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:MetaspaceSize=64m");

  private final StackSettings settings;
  private final PrintStream out;
  private final List<AutoCloseable> started = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, ChildProcess> services = new LinkedHashMap<>();
  private final Map<String, Launch> launches = new LinkedHashMap<>();
  private final Map<String, String> serviceEnv = new LinkedHashMap<>();
  private FileChannel lockChannel;
  private FileLock lock;
  private EmbeddedKafka kafka;
  private EmbeddedRegistry registry;

  public LocalStack(StackSettings settings, PrintStream out) {
    this.settings = settings;
    this.out = out;
  }

  public StackSettings settings() {
    return settings;
  }

  /** Settings given to every service started from now on, as environment variables (e.g. shorter session timeouts for fault tests). */
  public LocalStack withServiceEnv(Map<String, String> env) {
    serviceEnv.putAll(env);
    return this;
  }

  /** How a service was started, so that fault tests can start it again the same way. */
  private record Launch(String mainClass, Map<String, String> env) {}

  public EmbeddedKafka kafka() {
    return kafka;
  }

  public EmbeddedRegistry registry() {
    return registry;
  }

  public Map<String, ChildProcess> services() {
    return services;
  }

  public LocalStack start() throws IOException, InterruptedException {
    lockDataDir();
    checkPorts();
    try {
      out.println("Data directory: " + settings.dataDir().toAbsolutePath());
      kafka = new EmbeddedKafka(settings.dataDir(), settings.host(), settings.kafkaPort(), settings.controllerPort());
      started.add(kafka);
      kafka.start(Duration.ofSeconds(90));
      out.println("Kafka (KRaft) ready at " + settings.bootstrapServers());

      registry =
          new EmbeddedRegistry(
              EmbeddedRegistry.locateHome(), settings.dataDir(), settings.host(), settings.registryPort(), settings.registryManagementPort());
      started.add(registry);
      registry.start(Duration.ofSeconds(120));
      out.println("Schema registry ready at " + settings.registryUrl());

      createTopics();
      startService(
          "ingest",
          IngestMain.class.getName(),
          Map.of("TRENDMILL_HTTP_PORT", Integer.toString(settings.ingestPort()), "TRENDMILL_HTTP_HOST", settings.host()));
      startService(
          "enrich",
          EnrichMain.class.getName(),
          Map.of("TRENDMILL_HTTP_PORT", Integer.toString(settings.enrichPort()), "TRENDMILL_HTTP_HOST", settings.host()));
      startService(
          "aggregate",
          AggregateMain.class.getName(),
          Map.of(
              "TRENDMILL_HTTP_PORT", Integer.toString(settings.viewPort()),
              "TRENDMILL_HTTP_HOST", settings.host(),
              "TRENDMILL_LAG_SAMPLE_INTERVAL_MS", "2000"));
      awaitServices(Duration.ofSeconds(120));
      out.println("Ingest HTTP ready at " + settings.ingestUrl() + "/articles");
      out.println("View ready at " + settings.viewUrl() + "/");
      out.println("Metrics at " + settings.ingestUrl() + "/metrics, " + settings.enrichUrl() + "/metrics, " + settings.viewUrl() + "/metrics; lag at " + settings.viewUrl() + "/api/lag");
      return this;
    } catch (IOException | InterruptedException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Starts one more instance of a service (for scale-out and fault tests), with its own state directory. */
  public ChildProcess startService(String name, String mainClass, Map<String, String> extraEnv) throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    String base = name.replaceAll("-\\d+$", "");
    env.put("TRENDMILL_BOOTSTRAP_SERVERS", settings.bootstrapServers());
    env.put("TRENDMILL_SCHEMA_REGISTRY_URL", settings.registryUrl());
    env.put("TRENDMILL_HTTP_PORT", "0"); // extra instances: any free port unless told
    env.put("TRENDMILL_STATE_DIR", stateDir(name).toString());
    env.putAll(ChildProcess.NATIVE_MEMORY_ENV);
    SERVICE_ROCKSDB_ENV.forEach((key, value) -> env.put(key, System.getenv().getOrDefault(key, value)));
    env.putAll(serviceEnv);
    env.putAll(extraEnv);
    launches.put(name, new Launch(mainClass, Map.copyOf(extraEnv)));
    ChildProcess child =
        ChildProcess.startJava(
            name,
            serviceJvmOptions(base),
            mainClass,
            List.of(),
            env,
            settings.dataDir().resolve("logs").resolve(name + ".log"));
    services.put(name, child);
    started.add(child);
    return child;
  }

  /**
   * JVM options of a service: {@value #SERVICE_JVM_OPTIONS_ENV} from the environment when set (space-separated), else
   * its heap ({@link #SERVICE_HEAPS}) and the collector options.
   */
  static List<String> serviceJvmOptions(String service) {
    return serviceJvmOptions(service, System.getenv(SERVICE_JVM_OPTIONS_ENV));
  }

  static List<String> serviceJvmOptions(String service, String given) {
    List<String> options = new ArrayList<>();
    if (given == null || given.isBlank()) {
      options.addAll(SERVICE_HEAPS.getOrDefault(service, OTHER_SERVICE_HEAP));
      options.addAll(SERVICE_GC_OPTIONS);
    } else {
      options.addAll(List.of(given.trim().split("\\s+")));
    }
    options.add("-Dtrendmill.service=" + service);
    return options;
  }

  /** The local state directory (RocksDB stores, checkpoints) of a service instance. */
  public Path stateDir(String name) {
    return settings.dataDir().resolve("state").resolve(name).toAbsolutePath();
  }

  /** Starts a service instance again as it was first started, stopping it first (SIGTERM) if it still runs. */
  public ChildProcess restartService(String name) throws IOException, InterruptedException {
    Launch launch = launches.get(name);
    if (launch == null) {
      throw new IllegalArgumentException("No service named " + name + " was started");
    }
    services.get(name).stop(Duration.ofSeconds(30));
    return startService(name, launch.mainClass(), launch.env());
  }

  /** Deletes a stopped service instance's local state, so that it restores from its changelog topics on start. */
  public void deleteState(String name) throws IOException {
    ChildProcess child = services.get(name);
    if (child != null && child.isAlive()) {
      throw new IllegalStateException(name + " is running; stop it before deleting its state");
    }
    Utils.delete(stateDir(name).toFile());
  }

  private void awaitServices(Duration timeout) throws InterruptedException {
    boolean ready =
        Deadline.await(
            timeout,
            Duration.ofMillis(300),
            () -> {
              for (ChildProcess child : services.values()) {
                if (!child.isAlive()) {
                  throw new StackException(child.name() + " exited during start-up; its log ends:\n" + child.tail(30));
                }
              }
              return groupsStable() && healthy(settings.viewUrl()) && healthy(settings.ingestUrl()) && healthy(settings.enrichUrl());
            });
    if (!ready) {
      StringBuilder logs = new StringBuilder();
      services.values().forEach(child -> logs.append("\n--- ").append(child.name()).append(" ---\n").append(child.tail(15)));
      throw new StackException("The services did not become ready within " + timeout.toSeconds() + " s" + logs);
    }
  }

  private boolean groupsStable() {
    try (Admin admin = admin()) {
      Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(SERVICE_GROUPS).all().get(5, TimeUnit.SECONDS);
      return groups.values().stream().allMatch(group -> group.groupState() == GroupState.STABLE && !group.members().isEmpty());
    } catch (Exception e) {
      return false;
    }
  }

  private boolean healthy(String baseUrl) {
    return HttpProbe.answersOk(baseUrl + "/health");
  }

  public Admin admin() {
    return Admin.create(
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000));
  }

  private void createTopics() throws InterruptedException {
    try (Admin admin = admin()) {
      List<String> created = TopicAdmin.ensureTopics(admin, TopicNames.DEFAULT, settings.partitions(), (short) 1);
      if (!created.isEmpty()) {
        out.println("Created topics: " + String.join(", ", created));
      }
    }
  }

  private void lockDataDir() throws IOException {
    Files.createDirectories(settings.dataDir());
    Path lockFile = settings.dataDir().resolve("trendmill.lock");
    lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      lock = lockChannel.tryLock();
    } catch (OverlappingFileLockException sameProcess) {
      lock = null;
    }
    if (lock == null) {
      lockChannel.close();
      throw new StackException(
          "Another trendmill stack is already running with data directory " + settings.dataDir().toAbsolutePath()
              + " (stop it first, or use --data-dir)");
    }
  }

  private void checkPorts() throws IOException {
    Map<String, Integer> ports = new LinkedHashMap<>();
    ports.put("Kafka (--kafka-port)", settings.kafkaPort());
    ports.put("the Kafka controller (--controller-port)", settings.controllerPort());
    ports.put("the schema registry (--registry-port)", settings.registryPort());
    ports.put("the registry's management interface (--registry-management-port)", settings.registryManagementPort());
    ports.put("the view (--view-port)", settings.viewPort());
    ports.put("the ingest HTTP endpoint (--ingest-port)", settings.ingestPort());
    ports.put("enrich's operations endpoint (--enrich-port)", settings.enrichPort());
    for (Map.Entry<String, Integer> port : ports.entrySet()) {
      if (!Ports.isFree(settings.host(), port.getValue())) {
        releaseLock();
        throw new StackException(
            "Port " + port.getValue() + " on " + settings.host() + " is busy, needed for " + port.getKey()
                + ": stop what uses it or choose another port");
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    List<AutoCloseable> reverse = new ArrayList<>(started);
    Collections.reverse(reverse);
    for (AutoCloseable part : reverse) {
      try {
        part.close();
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        out.println("Error while stopping: " + e.getMessage());
      }
    }
    started.clear();
    releaseLock();
  }

  private void releaseLock() {
    try {
      if (lock != null) {
        lock.release();
        lock = null;
      }
      if (lockChannel != null) {
        lockChannel.close();
        lockChannel = null;
      }
    } catch (IOException e) {
      out.println("Cannot release the data directory lock: " + e.getMessage());
    }
  }
}
