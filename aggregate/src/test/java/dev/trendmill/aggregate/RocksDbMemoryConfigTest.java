package dev.trendmill.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trendmill.schemas.config.ServiceConfig;
import dev.trendmill.schemas.runtime.BoundedRocksDbMemory;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/**
 * {@code rocksdb.memory.mb} turns into Kafka Streams' config setter and its budget (the trend topology tests run their
 * RocksDB stores with it, so the setter is exercised on real stores there).
 */
class RocksDbMemoryConfigTest {
  private static Properties streamsProperties(Map<String, Object> given) {
    return new AggregateConfig(given).streamsProperties(AggregateConfig.APPLICATION_ID, "aggregate");
  }

  @Test
  void byDefaultAllStoresShareSixtyFourMegabytes() {
    Properties props = streamsProperties(Map.of());

    assertThat(props.get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG)).isEqualTo(BoundedRocksDbMemory.class);
    assertThat(props.get(BoundedRocksDbMemory.MEMORY_BYTES_CONFIG)).isEqualTo(64L * 1024 * 1024);
  }

  @Test
  void zeroLeavesKafkaStreamsDefaults() {
    Properties props = streamsProperties(Map.of(ServiceConfig.ROCKSDB_MEMORY_MB_CONFIG, "0"));

    assertThat(props).doesNotContainKeys(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.MEMORY_BYTES_CONFIG);
  }

  @Test
  void aSetterOfTheUsersOwnWins() {
    Properties props = streamsProperties(Map.of(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, "com.example.MyRocksDbConfig"));

    assertThat(props.get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG)).isEqualTo("com.example.MyRocksDbConfig");
    assertThat(props).doesNotContainKey(BoundedRocksDbMemory.MEMORY_BYTES_CONFIG);
  }
}
