package dev.trendmill.aggregate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The commit buffer must reach the changelog in the commit of the records that wrote it, since Kafka Streams commits
 * their offsets then. {@code TopologyTestDriver} commits a task the way {@code StreamTask} does (prepare, which flushes
 * store caches, then commit), so its changelog shows what a broker would hold after each commit.
 */
class CommitBufferedStoresTest {
  private static final String APP = "commit-buffer-test";
  private static final long MINUTE = Duration.ofMinutes(1).toMillis();
  private TopologyTestDriver driver;

  @AfterEach
  void close() {
    if (driver != null) {
      driver.close();
    }
  }

  @Test
  void eachCommitSendsEveryKeyWrittenSinceTheLastOnceWithItsLatestValue() {
    TestInputTopic<String, String> input = start();

    input.pipeInput("a", "a+1 a+1 b+1 a+1"); // one record, one commit: a written three times
    input.pipeInput("b", "b+1 c+1 c-"); // c written, then deleted within the commit

    // c's latest write is its deletion: a tombstone, whether or not the store held c before.
    assertThat(changelog("counts"))
        .containsExactlyInAnyOrder(KeyValue.pair("a", 3L), KeyValue.pair("b", 1L), KeyValue.pair("b", 2L), KeyValue.pair("c", null));
    assertThat(changelog("buckets"))
        .containsExactlyInAnyOrder(KeyValue.pair("a@0", 3L), KeyValue.pair("b@0", 1L), KeyValue.pair("b@0", 2L), KeyValue.pair("c@0", 1L));

    input.pipeInput("c", "a-");

    assertThat(changelog("counts")).containsExactly(KeyValue.pair("a", null));
    assertThat(contents(driver.getKeyValueStore("counts"))).containsExactly(KeyValue.pair("b", 2L));
  }

  @Test
  void pointReadsSeeHeldWritesAndRangeReadsTheLastCommit() {
    MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
    BufferedKeyValueStore<String, Long> counts = bufferedCounts(context);
    counts.put("a", 1L);
    counts.flushCache();
    counts.put("a", 2L);
    counts.put("b", 5L);
    counts.delete("b");

    assertThat(counts.get("a")).isEqualTo(2L);
    assertThat(counts.get("b")).isNull();
    assertThat(contents(counts)).containsExactly(KeyValue.pair("a", 1L));
    assertThat(counts.held()).isEqualTo(2);

    counts.flushCache();

    assertThat(contents(counts)).containsExactly(KeyValue.pair("a", 2L));
    assertThat(counts.held()).isZero();
  }

  @Test
  void windowPointReadsSeeHeldWritesAndRangeReadsTheLastCommit() {
    MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
    BufferedWindowStore<String, Long> buckets =
        (BufferedWindowStore<String, Long>)
            CommitBufferedStores.window(
                    Stores.windowStoreBuilder(Stores.inMemoryWindowStore("buckets", Duration.ofDays(1), Duration.ofMinutes(5), false), Serdes.String(), Serdes.Long()))
                .withLoggingDisabled()
                .build();
    buckets.init(context.getStateStoreContext(), buckets);
    buckets.put("a", 1L, 0);
    buckets.flushCache();
    buckets.put("a", 2L, 0);
    buckets.put("a", 7L, 5 * MINUTE);

    assertThat(buckets.fetch("a", 0)).isEqualTo(2L);
    assertThat(buckets.fetch("a", 5 * MINUTE)).isEqualTo(7L);
    assertThat(values(buckets.fetch("a", Instant.EPOCH, Instant.ofEpochMilli(10 * MINUTE)))).containsExactly(KeyValue.pair(0L, 1L));

    buckets.flushCache();

    assertThat(values(buckets.fetch("a", Instant.EPOCH, Instant.ofEpochMilli(10 * MINUTE))))
        .containsExactly(KeyValue.pair(0L, 2L), KeyValue.pair(5 * MINUTE, 7L));
  }

  @Test
  void aCheckpointWithWritesStillHeldFailsInsteadOfLosingThem() {
    MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
    BufferedKeyValueStore<String, Long> counts = bufferedCounts(context);
    counts.put("a", 1L);

    assertThatThrownBy(() -> counts.commit(Map.of())).isInstanceOf(IllegalStateException.class).hasMessageContaining("holds 1 writes");

    counts.flushCache();
    counts.commit(Map.of());
    assertThat(contents(counts)).containsExactly(KeyValue.pair("a", 1L));
  }

  @Test
  void aStoreClearedOrClosedWithoutACommitLosesWhatItHeld() {
    MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
    BufferedKeyValueStore<String, Long> counts = bufferedCounts(context);
    counts.put("a", 1L);
    counts.clearCache(); // what Kafka Streams does when it recycles a task's stores
    counts.flushCache();
    assertThat(counts.get("a")).isNull();

    counts.put("b", 1L);
    counts.close(); // a dirty close: the transaction is aborted, and so are the held writes
    assertThat(counts.held()).isZero();

    counts.init(context.getStateStoreContext(), counts);
    counts.put("c", 1L);
    counts.init(context.getStateStoreContext(), counts); // as after a restore
    assertThat(counts.get("c")).isNull();
  }

  /** An in-memory key-value store behind a commit buffer, initialized. */
  private static BufferedKeyValueStore<String, Long> bufferedCounts(MockProcessorContext<Object, Object> context) {
    BufferedKeyValueStore<String, Long> counts =
        (BufferedKeyValueStore<String, Long>)
            CommitBufferedStores.keyValue(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("counts"), Serdes.String(), Serdes.Long()))
                .withLoggingDisabled()
                .build();
    counts.init(context.getStateStoreContext(), counts);
    return counts;
  }

  /**
   * A topology whose processor applies "key+1" (count up) and "key-" (delete) to a buffered key-value store and,
   * for counts, to the same key's bucket at window start 0 of a buffered window store.
   */
  private TestInputTopic<String, String> start() {
    Topology topology = new Topology();
    topology.addSource("in", new StringDeserializer(), new StringDeserializer(), "ops");
    topology.addProcessor("apply", Apply::new, "in");
    topology.addStateStore(
        CommitBufferedStores.keyValue(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("counts"), Serdes.String(), Serdes.Long())), "apply");
    topology.addStateStore(
        CommitBufferedStores.window(
            Stores.windowStoreBuilder(Stores.persistentWindowStore("buckets", Duration.ofDays(1), Duration.ofMinutes(5), false), Serdes.String(), Serdes.Long())),
        "apply");
    Properties properties = new Properties();
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, APP);
    properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    driver = new TopologyTestDriver(topology, properties);
    return driver.createInputTopic("ops", new StringSerializer(), new StringSerializer());
  }

  private static final class Apply implements Processor<String, String, Void, Void> {
    private KeyValueStore<String, Long> counts;
    private WindowStore<String, Long> buckets;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      counts = context.getStateStore("counts");
      buckets = context.getStateStore("buckets");
    }

    @Override
    public void process(Record<String, String> record) {
      for (String op : record.value().split(" ")) {
        String key = op.substring(0, 1);
        if (op.endsWith("-")) {
          counts.delete(key);
        } else {
          Long count = counts.get(key);
          counts.put(key, count == null ? 1 : count + 1);
          Long bucket = buckets.fetch(key, 0);
          buckets.put(key, bucket == null ? 1 : bucket + 1, 0);
        }
      }
    }
  }

  /** What the store's changelog received since the last call; window keys as {@code key@start}. */
  private List<KeyValue<String, Long>> changelog(String store) {
    List<KeyValue<String, Long>> records = new ArrayList<>();
    for (TestRecord<byte[], byte[]> record :
        driver.createOutputTopic(APP + "-" + store + "-changelog", new ByteArrayDeserializer(), new ByteArrayDeserializer()).readRecordsToList()) {
      byte[] key = record.key();
      // A window store's changelog key: the key, the window start (8 bytes), a sequence number (4 bytes).
      String name =
          store.equals("buckets")
              ? new String(key, 0, key.length - 12, StandardCharsets.UTF_8) + "@" + ByteBuffer.wrap(key, key.length - 12, 8).getLong()
              : new String(key, StandardCharsets.UTF_8);
      records.add(KeyValue.pair(name, record.value() == null ? null : new LongDeserializer().deserialize(store, record.value())));
    }
    return records;
  }

  private static List<KeyValue<String, Long>> contents(KeyValueStore<String, Long> store) {
    List<KeyValue<String, Long>> contents = new ArrayList<>();
    try (KeyValueIterator<String, Long> iterator = store.all()) {
      iterator.forEachRemaining(contents::add);
    }
    return contents;
  }

  private static List<KeyValue<Long, Long>> values(WindowStoreIterator<Long> iterator) {
    List<KeyValue<Long, Long>> values = new ArrayList<>();
    try (iterator) {
      iterator.forEachRemaining(values::add);
    }
    return values;
  }
}
