package dev.trendmill.schemas.ops;

import dev.trendmill.schemas.lag.LagReport.GroupState;
import dev.trendmill.schemas.lag.LagSample;
import dev.trendmill.schemas.lag.PartitionKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads, for consumer groups, every partition's committed offset, end offset and the Kafka timestamp of the oldest
 * unconsumed record, with an admin client and a group-less consumer that only reads (it never joins or commits).
 *
 * <p>Exactly-once makes three things matter. (1) Our consumers read with {@code read_committed}, so the end offset
 * that counts is the last stable offset (LSO): records of an open transaction are not theirs to read yet. (2) Each
 * transaction leaves a marker that takes an offset but is no record, and a committed offset may point at one, so
 * "end − committed" can be 1 or more with nothing to consume; the probe consumer, also {@code read_committed}, seeks to
 * the committed offset and reads: when it reaches the LSO without a record, only markers (or aborted records) were
 * left and the lag is 0. With {@code read_uncommitted} it would instead return records of open or aborted transactions,
 * which the group never sees, and date the lag from them. (3) The age is the record's own Kafka timestamp (create or
 * log-append time), never an event time a Streams application may extract from the value.
 */
public final class LagReader implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LagReader.class);
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);
  private static final long CALL_TIMEOUT_S = 10;

  private final Admin admin;
  private final KafkaConsumer<byte[], byte[]> probe;

  /** One round: per group its state and members, and one sample per partition. */
  public record Round(Map<String, GroupState> groups, Map<PartitionKey, LagSample> samples) {}

  /** @param clientProperties bootstrap servers and any security settings of the cluster */
  public LagReader(Map<String, Object> clientProperties) {
    Map<String, Object> adminProps = new HashMap<>(clientProperties);
    adminProps.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "trendmill-lag-admin");
    adminProps.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
    adminProps.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    this.admin = Admin.create(adminProps);
    Map<String, Object> consumerProps = new HashMap<>(clientProperties);
    consumerProps.remove(ConsumerConfig.GROUP_ID_CONFIG);
    consumerProps.put(ConsumerConfig.CLIENT_ID_CONFIG, "trendmill-lag-probe");
    consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
    consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumerProps.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 64 * 1024);
    this.probe = new KafkaConsumer<>(consumerProps, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /** One round over {@code groups}; throws {@link IllegalStateException} when the cluster cannot be reached. */
  public synchronized Round read(Collection<String> groups, long nowMs) {
    try {
      admin.describeCluster().nodes().get(CALL_TIMEOUT_S, TimeUnit.SECONDS);
    } catch (Exception e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new IllegalStateException("Cannot reach Kafka to read consumer lag: " + cause.getMessage(), e);
    }
    Map<String, GroupState> states = new LinkedHashMap<>();
    Map<PartitionKey, Long> committed = new HashMap<>();
    Map<String, Integer> members = new HashMap<>();
    Set<TopicPartition> partitions = new HashSet<>();
    Map<String, ConsumerGroupDescription> descriptions = describe(groups);
    for (String group : groups) {
      ConsumerGroupDescription description = descriptions.get(group);
      int memberCount = description == null ? 0 : description.members().size();
      members.put(group, memberCount);
      states.put(group, new GroupState(description == null ? "unknown" : description.groupState().toString(), memberCount));
      if (description != null) {
        for (MemberDescription member : description.members()) {
          for (TopicPartition tp : member.assignment().topicPartitions()) {
            committed.putIfAbsent(new PartitionKey(group, tp.topic(), tp.partition()), -1L);
            partitions.add(tp);
          }
        }
      }
      try {
        Map<TopicPartition, OffsetAndMetadata> offsets =
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(CALL_TIMEOUT_S, TimeUnit.SECONDS);
        offsets.forEach(
            (tp, offset) -> {
              committed.put(new PartitionKey(group, tp.topic(), tp.partition()), offset == null ? -1L : offset.offset());
              partitions.add(tp);
            });
      } catch (Exception e) {
        LOG.debug("cannot read the committed offsets of {}: {}", group, e.toString());
      }
    }
    Map<TopicPartition, Long> stable = offsets(partitions, OffsetSpec.latest());
    Map<TopicPartition, Long> earliest = offsets(partitions, OffsetSpec.earliest());

    // Where each group would read next, and which of those positions are behind the end.
    Map<PartitionKey, Long> from = new HashMap<>();
    Map<TopicPartition, Set<Long>> toProbe = new HashMap<>();
    committed.forEach(
        (key, offset) -> {
          TopicPartition tp = new TopicPartition(key.topic(), key.partition());
          if (!stable.containsKey(tp)) {
            return;
          }
          long start = Math.max(offset < 0 ? 0 : offset, earliest.getOrDefault(tp, 0L));
          from.put(key, start);
          if (start < stable.get(tp)) {
            toProbe.computeIfAbsent(tp, t -> new HashSet<>()).add(start);
          }
        });
    Map<TopicPartition, Map<Long, long[]>> found = probe(toProbe, stable);

    Map<PartitionKey, LagSample> samples = new LinkedHashMap<>();
    from.forEach(
        (key, start) -> {
          TopicPartition tp = new TopicPartition(key.topic(), key.partition());
          long end = stable.get(tp);
          long[] first = found.getOrDefault(tp, Map.of()).get(start); // {offset, timestamp} or null
          long lag;
          long timestamp;
          if (start >= end) {
            lag = 0;
            timestamp = -1;
          } else if (first == null) {
            lag = end - start; // could not read: count the offsets, age unknown
            timestamp = -1;
          } else if (first[0] < 0) {
            lag = 0; // only transaction markers or aborted records up to the LSO
            timestamp = -1;
          } else {
            lag = end - start;
            timestamp = first[1];
          }
          samples.put(key, new LagSample(nowMs, committed.get(key), end, lag, timestamp, members.get(key.group())));
        });
    return new Round(states, samples);
  }

  private Map<String, ConsumerGroupDescription> describe(Collection<String> groups) {
    Map<String, ConsumerGroupDescription> out = new HashMap<>();
    admin.describeConsumerGroups(groups)
        .describedGroups()
        .forEach(
            (group, future) -> {
              try {
                out.put(group, future.get(CALL_TIMEOUT_S, TimeUnit.SECONDS));
              } catch (Exception e) {
                LOG.debug("cannot describe group {}: {}", group, e.toString());
              }
            });
    return out;
  }

  private Map<TopicPartition, Long> offsets(Set<TopicPartition> partitions, OffsetSpec spec) {
    Map<TopicPartition, Long> out = new HashMap<>();
    if (partitions.isEmpty()) {
      return out;
    }
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    partitions.forEach(tp -> request.put(tp, spec));
    admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
        .all()
        .toCompletionStage()
        .toCompletableFuture()
        .handle(
            (result, error) -> {
              if (error != null) {
                LOG.debug("cannot list offsets: {}", error.toString());
                return null;
              }
              for (Map.Entry<TopicPartition, ListOffsetsResultInfo> entry : result.entrySet()) {
                out.put(entry.getKey(), entry.getValue().offset());
              }
              return null;
            })
        .orTimeout(CALL_TIMEOUT_S, TimeUnit.SECONDS)
        .exceptionally(e -> null)
        .join();
    if (out.size() < partitions.size()) {
      // One missing topic fails the whole request: ask partition by partition.
      for (TopicPartition tp : partitions) {
        if (!out.containsKey(tp)) {
          try {
            out.put(tp, admin.listOffsets(Map.of(tp, spec), new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).partitionResult(tp).get(CALL_TIMEOUT_S, TimeUnit.SECONDS).offset());
          } catch (Exception e) {
            LOG.debug("cannot list offsets of {}: {}", tp, e.toString());
          }
        }
      }
    }
    return out;
  }

  /**
   * For each partition and start position: the first record at or after it that a read_committed consumer sees,
   * as {offset, timestamp}; {-1, -1} when there is none before the LSO; absent when it could not be read in time.
   * Several groups reading one topic may start at different offsets: each start is read on its own.
   */
  private Map<TopicPartition, Map<Long, long[]>> probe(Map<TopicPartition, Set<Long>> starts, Map<TopicPartition, Long> stable) {
    Map<TopicPartition, Map<Long, long[]>> found = new HashMap<>();
    if (starts.isEmpty()) {
      return found;
    }
    int rounds = starts.values().stream().mapToInt(Set::size).max().orElse(0);
    List<Map<TopicPartition, Long>> passes = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      passes.add(new HashMap<>());
    }
    starts.forEach(
        (tp, offsets) -> {
          int i = 0;
          for (long offset : offsets.stream().sorted().toList()) {
            passes.get(i++).put(tp, offset);
          }
        });
    for (Map<TopicPartition, Long> pass : passes) {
      try {
        probePass(pass, stable, found);
      } catch (RuntimeException e) {
        LOG.debug("lag probe failed: {}", e.toString());
      }
    }
    probe.unsubscribe();
    return found;
  }

  private void probePass(Map<TopicPartition, Long> pass, Map<TopicPartition, Long> stable, Map<TopicPartition, Map<Long, long[]>> found) {
    probe.assign(pass.keySet());
    pass.forEach(probe::seek);
    Set<TopicPartition> open = new HashSet<>(pass.keySet());
    long deadline = System.nanoTime() + PROBE_TIMEOUT.toNanos();
    while (!open.isEmpty() && System.nanoTime() < deadline) {
      for (ConsumerRecord<byte[], byte[]> record : probe.poll(Duration.ofMillis(200))) {
        TopicPartition tp = new TopicPartition(record.topic(), record.partition());
        if (open.remove(tp)) {
          long[] first = record.offset() < stable.get(tp) ? new long[] {record.offset(), record.timestamp()} : new long[] {-1, -1};
          found.computeIfAbsent(tp, t -> new HashMap<>()).put(pass.get(tp), first);
          probe.pause(List.of(tp));
        }
      }
      for (TopicPartition tp : List.copyOf(open)) {
        if (probe.position(tp, Duration.ofSeconds(1)) >= stable.get(tp)) {
          open.remove(tp);
          found.computeIfAbsent(tp, t -> new HashMap<>()).put(pass.get(tp), new long[] {-1, -1});
        }
      }
    }
    probe.resume(probe.paused());
  }

  @Override
  public void close() {
    probe.close(Duration.ofSeconds(5));
    admin.close(Duration.ofSeconds(5));
  }
}
