package dev.trendmill.schemas.ops;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LagReaderTest {
  @Test
  void anUnreachableClusterIsAnErrorNotAnEmptyReport() {
    try (LagReader reader = new LagReader(Map.of("bootstrap.servers", "127.0.0.1:1", "default.api.timeout.ms", 1500, "request.timeout.ms", 1000))) {
      assertThatThrownBy(() -> reader.read(List.of("g"), 0)).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("Cannot reach Kafka");
    }
  }
}
