package dev.trendmill.schemas.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStateRepairTest {
  @TempDir Path stateDir;

  private Path store(String task, String store, boolean manifestThere) throws Exception {
    Path dir = Files.createDirectories(stateDir.resolve("app").resolve(task).resolve("rocksdb").resolve(store));
    Files.writeString(dir.resolve("CURRENT"), "MANIFEST-000005\n");
    if (manifestThere) {
      Files.writeString(dir.resolve("MANIFEST-000005"), "x");
    }
    return dir;
  }

  @Test
  void deletesOnlyTheTasksWithAStoreWhoseManifestIsGone() throws Exception {
    store("0_0", "counts", true);
    store("0_1", "counts", true);
    store("0_1", "buckets.1743606000000", false);
    Files.writeString(stateDir.resolve("app").resolve("kafka-streams-process-metadata"), "keep");

    assertThat(LocalStateRepair.repair(stateDir, "app")).containsExactly(stateDir.resolve("app").resolve("0_1"));
    assertThat(stateDir.resolve("app").resolve("0_0")).exists();
    assertThat(stateDir.resolve("app").resolve("0_1")).doesNotExist();
    assertThat(stateDir.resolve("app").resolve("kafka-streams-process-metadata")).exists();
  }

  @Test
  void aStoreWithFilesButNoCurrentIsBroken() throws Exception {
    Path dir = Files.createDirectories(stateDir.resolve("app").resolve("1_0").resolve("rocksdb").resolve("store"));
    Files.writeString(dir.resolve("000012.sst"), "x");
    Files.createDirectories(stateDir.resolve("app").resolve("1_1").resolve("rocksdb").resolve("empty"));

    assertThat(LocalStateRepair.repair(stateDir, "app")).containsExactly(stateDir.resolve("app").resolve("1_0"));
  }

  @Test
  void noStateIsNothingToRepair() {
    assertThat(LocalStateRepair.repair(stateDir, "missing")).isEmpty();
  }
}
