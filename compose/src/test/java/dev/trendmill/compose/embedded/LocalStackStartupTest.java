package dev.trendmill.compose.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user gets when the stack cannot start: one line to act on, before anything was started. Both checks happen
 * before any server is launched, so these tests need no broker.
 */
class LocalStackStartupTest {
  @TempDir Path dataDir;

  @Test
  void aSecondStackOnTheSameDataDirectoryIsRefused() throws Exception {
    // Another process holds the data directory, as a running `trendmill up` does.
    Path ready = dataDir.resolve("holder.ready");
    ChildProcess holder =
        ChildProcess.startJava(
            "lock-holder", List.of(), LockHolder.class.getName(), List.of(dataDir.toString(), ready.toString()), Map.of(), dataDir.resolve("holder.log"));
    try {
      assertThat(Deadline.await(Duration.ofSeconds(30), Duration.ofMillis(50), () -> Files.exists(ready))).isTrue();
      assertThatThrownBy(() -> new LocalStack(StackSettings.randomPorts(dataDir), quiet()).start())
          .isInstanceOf(StackException.class)
          .hasMessageStartingWith("Another trendmill stack is already running with data directory")
          .hasMessageNotContaining("\n");
    } finally {
      holder.kill();
    }
  }

  /** Holds a data directory's lock as a running stack would, until killed. */
  public static final class LockHolder {
    public static void main(String[] args) throws Exception {
      Path dir = Path.of(args[0]);
      Files.createDirectories(dir);
      FileChannel channel = FileChannel.open(dir.resolve("trendmill.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.lock();
      Files.createFile(Path.of(args[1]));
      Thread.sleep(Long.MAX_VALUE);
      lock.release();
    }
  }

  @Test
  void aBusyPortIsNamedWithTheOptionThatMovesIt() throws Exception {
    StackSettings settings = StackSettings.randomPorts(dataDir);
    try (ServerSocket busy = new ServerSocket(settings.registryPort(), 50, InetAddress.getLoopbackAddress())) {
      assertThatThrownBy(() -> new LocalStack(settings, quiet()).start())
          .isInstanceOf(StackException.class)
          .hasMessageContaining("Port " + settings.registryPort())
          .hasMessageContaining("--registry-port")
          .hasMessageNotContaining("\n");
    }
    // Nothing was left locked: the same data directory can be used right away.
    try (FileChannel channel = FileChannel.open(dataDir.resolve("trendmill.lock"), StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
      assertThat(lock).isNotNull();
    }
  }

  private static PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream());
  }
}
