package dev.trendmill.schemas.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the task directories of a Kafka Streams application whose RocksDB stores cannot be opened, before the
 * application starts, so that those tasks restore from their changelogs instead of failing the start.
 *
 * <p>Why: a process killed (SIGKILL, OOM killer, power) while Kafka Streams drops an expired window segment can leave
 * a RocksDB directory whose {@code CURRENT} file names a {@code MANIFEST} already deleted. Kafka Streams opens the
 * stores of existing tasks in {@code KafkaStreams.start()} and throws, so the service could never start again
 * without a hand-deleted state directory (found by {@code FaultToleranceIT}). A task directory is only a cache of its
 * changelog topics, so deleting a whole task directory never loses data; deleting one segment could.
 */
public final class LocalStateRepair {
  private static final Logger LOG = LoggerFactory.getLogger(LocalStateRepair.class);

  private LocalStateRepair() {}

  /** Repairs {@code stateDir/applicationId}; returns the task directories deleted. */
  public static List<Path> repair(Path stateDir, String applicationId) {
    Path appDir = stateDir.resolve(applicationId);
    List<Path> deleted = new ArrayList<>();
    if (!Files.isDirectory(appDir)) {
      return deleted;
    }
    try (Stream<Path> tasks = Files.list(appDir)) {
      for (Path task : tasks.filter(Files::isDirectory).toList()) {
        Path broken = brokenStore(task);
        if (broken != null) {
          LOG.warn("Local state of task {} cannot be opened (RocksDB directory {} is incomplete); deleting {} to restore it from the changelog", task.getFileName(), appDir.relativize(broken), task);
          delete(task);
          deleted.add(task);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot check the local state in " + appDir, e);
    }
    return deleted;
  }

  /**
   * The first RocksDB directory under {@code task} that cannot be opened: its {@code CURRENT} file names a manifest
   * that is not there, or it holds RocksDB files but no {@code CURRENT} at all. Null when every store looks whole.
   */
  static Path brokenStore(Path task) throws IOException {
    try (Stream<Path> dirs = Files.walk(task)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        Path current = dir.resolve("CURRENT");
        if (Files.isRegularFile(current)) {
          String manifest = Files.readString(current).strip();
          if (manifest.isEmpty() || !Files.exists(dir.resolve(manifest))) {
            return dir;
          }
        } else if (hasRocksDbFiles(dir)) {
          return dir;
        }
      }
    }
    return null;
  }

  private static boolean hasRocksDbFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).anyMatch(n -> n.startsWith("MANIFEST-") || n.startsWith("OPTIONS-") || n.equals("IDENTITY") || n.endsWith(".sst"));
    }
  }

  private static void delete(Path dir) throws IOException {
    Utils.delete(dir.toFile());
  }
}
