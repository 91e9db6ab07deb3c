package dev.trendmill.compose.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The CPU clocks the aggregate bench reads: of named threads of this JVM, and of a process. */
class CpuTimeTest {
  @Test
  void threadsNanosAddsUpTheThreadsWhoseNameMatchesOnly() throws Exception {
    String name = "cpu-time-test-" + UUID.randomUUID();
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch spun = new CountDownLatch(2);
    Runnable spin = () -> {
      long start = System.nanoTime();
      while (System.nanoTime() - start < 200_000_000L) {
        Math.sqrt(start); // busy for 0.2 s of wall time
      }
      spun.countDown();
      while (!stop.get()) {
        Thread.onSpinWait();
      }
    };
    Thread first = Thread.ofPlatform().name(name + "-StreamThread-1").start(spin);
    Thread second = Thread.ofPlatform().name("kafka-producer-network-thread | " + name + "-producer").start(spin);
    try {
      assertThat(spun.await(30, TimeUnit.SECONDS)).isTrue();
      long both = CpuTime.threadsNanos(name);
      long one = CpuTime.threadsNanos(name + "-StreamThread");
      // Each spun on a CPU for some of its 0.2 s; together more than either.
      assertThat(one).isPositive();
      assertThat(both).isGreaterThan(one);
      assertThat(CpuTime.threadsNanos("no-such-thread-" + UUID.randomUUID())).isZero();
    } finally {
      stop.set(true);
      first.join();
      second.join();
    }
  }

  @Test
  void processNanosOfThisJvmGrowsAndOfNoProcessIsUnknown() {
    long pid = ProcessHandle.current().pid();
    long before = CpuTime.processNanos(pid);
    long start = System.nanoTime();
    while (System.nanoTime() - start < 100_000_000L) {
      Math.sqrt(start);
    }
    assertThat(before).isPositive();
    assertThat(CpuTime.processNanos(pid)).isGreaterThan(before);
    assertThat(CpuTime.processNanos(Long.MAX_VALUE)).isEqualTo(-1);
  }
}
