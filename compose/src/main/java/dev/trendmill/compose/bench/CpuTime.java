package dev.trendmill.compose.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * CPU time used so far, in nanoseconds, to say what a drain cost beside how long it took: on a machine whose cores are
 * full, wall time depends on what else runs; the CPU a topology's threads used depends much less on it.
 */
final class CpuTime {
  private CpuTime() {}

  /** CPU time of the process {@code pid} (user and system), or -1 when the pid is negative or the platform does not tell. */
  static long processNanos(long pid) {
    if (pid < 0) {
      return -1;
    }
    return ProcessHandle.of(pid).flatMap(process -> process.info().totalCpuDuration()).map(Duration::toNanos).orElse(-1L);
  }

  /**
   * CPU time of this JVM's live threads whose name contains {@code nameContains}: a Kafka Streams application id
   * picks its client's threads, whose names start with the client id (the application id and a UUID).
   */
  static long threadsNanos(String nameContains) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long total = 0;
    for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (thread != null && thread.getThreadName().contains(nameContains)) { // null: it ended meanwhile
        total += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
      }
    }
    return total;
  }
}
