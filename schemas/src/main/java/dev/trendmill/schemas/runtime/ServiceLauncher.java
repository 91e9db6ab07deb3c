package dev.trendmill.schemas.runtime;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a service until the process is told to stop (SIGTERM, Ctrl-C) or, when started by {@code trendmill up}, until
 * the parent process is gone (its pid in {@code TRENDMILL_PARENT_PID}), so no child outlives the stack.
 */
public final class ServiceLauncher {
  public static final String PARENT_PID_ENV = "TRENDMILL_PARENT_PID";
  private static final Logger LOG = LoggerFactory.getLogger(ServiceLauncher.class);

  private ServiceLauncher() {}

  public static void runUntilStopped(String name, AutoCloseable service) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              closeQuietly(name, service);
              stopped.countDown();
            },
            name + "-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    exitWhenParentGone(name);
    LOG.info("{}: started", name);
    stopped.await();
  }

  /** When started by {@code trendmill up}: exit (running shutdown hooks) as soon as the parent process is gone. */
  public static void exitWhenParentGone(String name) {
    parent()
        .ifPresent(
            parent ->
                parent
                    .onExit()
                    .thenRun(
                        () -> {
                          LOG.warn("{}: parent process {} is gone, stopping", name, parent.pid());
                          System.exit(0);
                        }));
  }

  private static Optional<ProcessHandle> parent() {
    String pid = System.getenv(PARENT_PID_ENV);
    if (pid == null || pid.isBlank()) {
      return Optional.empty();
    }
    Optional<ProcessHandle> parent = ProcessHandle.of(Long.parseLong(pid.trim()));
    if (parent.isEmpty()) {
      LOG.warn("parent process {} is already gone", pid);
      System.exit(0);
    }
    return parent;
  }

  private static void closeQuietly(String name, AutoCloseable service) {
    try {
      service.close();
      LOG.info("{}: stopped", name);
    } catch (Exception e) {
      LOG.warn("{}: error while stopping", name, e);
    }
  }
}
