package dev.trendmill.compose.embedded;

import dev.trendmill.schemas.runtime.ServiceLauncher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One part of the local stack running in its own JVM, its output appended to a log file. The child is told our pid
 * ({@code TRENDMILL_PARENT_PID}) and our own services exit when we are gone, so a killed {@code trendmill up} leaves
 * no orphans behind.
 */
public final class ChildProcess implements AutoCloseable {
  /**
   * For the services and the registry: glibc gives every thread that allocates its own malloc arena, and RocksDB's
   * allocations spread over them; two arenas keep the off-heap part of a service's memory close to RocksDB's budget.
   */
  public static final Map<String, String> NATIVE_MEMORY_ENV = Map.of("MALLOC_ARENA_MAX", "2");

  private final String name;
  private final Process process;
  private final Path log;

  private ChildProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** Starts {@code mainClass} on this JVM's own classpath with the same java executable. */
  public static ChildProcess startJava(
      String name, List<String> jvmOptions, String mainClass, List<String> args, Map<String, String> env, Path log)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(args);
    return start(name, command, env, log, null);
  }

  public static ChildProcess start(String name, List<String> command, Map<String, String> env, Path log, Path workDir)
      throws IOException {
    Files.createDirectories(log.getParent());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    if (workDir != null) {
      builder.directory(workDir.toFile());
    }
    builder.environment().putAll(env);
    builder.environment().put(ServiceLauncher.PARENT_PID_ENV, Long.toString(ProcessHandle.current().pid()));
    return new ChildProcess(name, builder.start(), log);
  }

  public static String javaExecutable() {
    return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  public String name() {
    return name;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public Path log() {
    return log;
  }

  /** The last lines of the child's log, to explain a failure. */
  public String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log at " + log + ")";
    }
  }

  /** SIGKILL, for fault tests: no shutdown hooks, no clean close. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM, then SIGKILL if the child is still there after the timeout. */
  public void stop(Duration timeout) throws InterruptedException {
    if (!process.isAlive()) {
      return;
    }
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop(Duration.ofSeconds(30));
  }
}
