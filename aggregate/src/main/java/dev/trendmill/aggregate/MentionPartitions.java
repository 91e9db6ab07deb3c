package dev.trendmill.aggregate;

import dev.trendmill.schemas.avro.ArticleMentions;
import dev.trendmill.schemas.avro.EnrichedArticle;
import dev.trendmill.schemas.avro.EntityMention;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Splits an article's entities by the partition of the counting that holds each one's state, and routes each group
 * there: one record per partition an article reaches (three at most with three partitions) instead of one per entity,
 * with the article's id, title and URL once in each. An entity's partition is Kafka's default partitioning of its id,
 * the one interactive queries use to find its state ({@code KafkaStreams#queryMetadataForKey}); a group is keyed by
 * its first entity, so its key alone says where it goes.
 *
 * <p>The grouping needs the partition count before the topic is written, so the topology is built with it (the
 * enriched topic's, as Kafka Streams would give the repartition topic anyway) and the partitioner refuses a topic
 * whose count differs rather than send entities to a partition that does not hold them (Kafka Streams checks the
 * topic's size when it starts; should it change under a running instance, each article goes to the dead-letter topic
 * with this reason).
 */
final class MentionPartitions implements StreamPartitioner<String, ArticleMentions> {
  private final int partitions;

  MentionPartitions(int partitions) {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
    }
    this.partitions = partitions;
  }

  int partitions() {
    return partitions;
  }

  /** The partition of {@code entityId}'s state among {@code partitions}. */
  static int of(String entityId, int partitions) {
    // The function Kafka Streams' DefaultStreamPartitioner applies to the serialized key (MentionPartitionsTest checks).
    return BuiltInPartitioner.partitionForKey(entityId.getBytes(StandardCharsets.UTF_8), partitions);
  }

  /** The article's distinct entities, one group per partition in the order the article first names one of it. */
  List<KeyValue<String, ArticleMentions>> groups(EnrichedArticle article) {
    List<EntityMention>[] byPartition = newGroups();
    List<Integer> order = new ArrayList<>(Math.min(partitions, 4));
    Set<String> seen = new HashSet<>();
    for (EntityMention mention : article.getEntities()) {
      if (seen.add(mention.getEntityId())) {
        int partition = of(mention.getEntityId(), partitions);
        if (byPartition[partition] == null) {
          byPartition[partition] = new ArrayList<>();
          order.add(partition);
        }
        byPartition[partition].add(mention);
      }
    }
    List<KeyValue<String, ArticleMentions>> groups = new ArrayList<>(order.size());
    for (int partition : order) {
      List<EntityMention> entities = byPartition[partition];
      groups.add(
          KeyValue.pair(
              entities.get(0).getEntityId(),
              new ArticleMentions(article.getId(), article.getTitle(), article.getUrl(), article.getPublishedAt(), article.getIngestedAt(), groups.isEmpty(), entities)));
    }
    return groups;
  }

  @SuppressWarnings("unchecked")
  private List<EntityMention>[] newGroups() {
    return (List<EntityMention>[]) new List<?>[partitions];
  }

  @Override
  public Optional<Set<Integer>> partitions(String topic, String key, ArticleMentions value, int numPartitions) {
    if (numPartitions != partitions) {
      throw new StreamsException(
          topic + " has " + numPartitions + " partitions, but the aggregate groups mentions for " + partitions
              + " (its enriched-articles topic's when it started): entities would be counted in partitions that do not hold them");
    }
    return Optional.of(Set.of(of(key, numPartitions)));
  }
}
