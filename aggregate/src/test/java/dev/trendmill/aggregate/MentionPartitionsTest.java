package dev.trendmill.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trendmill.schemas.avro.ArticleMentions;
import dev.trendmill.schemas.avro.EnrichedArticle;
import dev.trendmill.schemas.avro.EntityMention;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.internals.DefaultStreamPartitioner;
import org.junit.jupiter.api.Test;

class MentionPartitionsTest {
  private static final Instant T0 = Instant.parse("2026-11-01T12:00:00Z");

  @Test
  void anEntityGoesWhereInteractiveQueriesLookForItsKey() {
    // KafkaStreams#queryMetadataForKey finds a key's partition with the DefaultStreamPartitioner.
    DefaultStreamPartitioner<String, Object> queries = new DefaultStreamPartitioner<>(Serdes.String().serializer());
    Random random = new Random(5);
    for (int i = 0; i < 2_000; i++) {
      String entityId = "project:" + Long.toString(random.nextLong(), 36) + (i % 7 == 0 ? "é" : "");
      int partitions = 1 + random.nextInt(12);
      assertThat(Optional.of(Set.of(MentionPartitions.of(entityId, partitions))))
          .as(entityId + " of " + partitions)
          .isEqualTo(queries.partitions("t", entityId, null, partitions));
    }
  }

  @Test
  void eachDistinctEntityGoesOnceInTheGroupOfItsPartitionWithTheArticle() {
    MentionPartitions partitioning = new MentionPartitions(3);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      ids.add("project:p" + i);
    }
    ids.add("project:p4"); // named twice: counted once
    EnrichedArticle article = article(ids);

    List<KeyValue<String, ArticleMentions>> groups = partitioning.groups(article);

    assertThat(groups).hasSizeBetween(2, 3);
    List<String> grouped = new ArrayList<>();
    for (KeyValue<String, ArticleMentions> group : groups) {
      ArticleMentions value = group.value;
      assertThat(group.key).isEqualTo(value.getEntities().get(0).getEntityId());
      int partition = MentionPartitions.of(group.key, 3);
      assertThat(value.getEntities()).allSatisfy(m -> assertThat(MentionPartitions.of(m.getEntityId(), 3)).isEqualTo(partition));
      assertThat(partitioning.partitions("mentions", group.key, value, 3)).contains(Set.of(partition));
      assertThat(value.getArticleId()).isEqualTo("a1");
      assertThat(value.getTitle()).isEqualTo("A title");
      assertThat(value.getUrl()).isEqualTo("https://news.example.org/a1");
      assertThat(value.getPublishedAt()).isEqualTo(T0);
      assertThat(value.getIngestedAt()).isEqualTo(T0.plusSeconds(5));
      value.getEntities().forEach(m -> grouped.add(m.getEntityId()));
    }
    assertThat(grouped).containsExactlyInAnyOrderElementsOf(ids.subList(0, 12));
    assertThat(groups.get(0).key).as("the first group holds the article's first entity").isEqualTo("project:p0");
    assertThat(groups).extracting(g -> g.value.getFirstPart()).containsExactlyElementsOf(firstOnly(groups.size()));
  }

  @Test
  void oneGroupWithOnePartitionAndNoneForAnArticleWithoutEntities() {
    assertThat(new MentionPartitions(1).groups(article(List.of("project:a", "project:b", "project:c"))))
        .singleElement()
        .satisfies(g -> assertThat(g.value.getEntities()).extracting(EntityMention::getEntityId).containsExactly("project:a", "project:b", "project:c"));
    assertThat(new MentionPartitions(3).groups(article(List.of()))).isEmpty();
  }

  @Test
  void aRepartitionTopicOfAnotherSizeIsRefused() {
    MentionPartitions partitioning = new MentionPartitions(3);
    KeyValue<String, ArticleMentions> group = partitioning.groups(article(List.of("project:a"))).get(0);
    assertThatThrownBy(() -> partitioning.partitions("mentions", group.key, group.value, 4))
        .isInstanceOf(StreamsException.class)
        .hasMessageContaining("mentions has 4 partitions")
        .hasMessageContaining("for 3");
  }

  private static List<Boolean> firstOnly(int size) {
    List<Boolean> flags = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      flags.add(i == 0);
    }
    return flags;
  }

  private static EnrichedArticle article(List<String> entityIds) {
    List<EntityMention> mentions = new ArrayList<>();
    for (String id : entityIds) {
      mentions.add(new EntityMention(id, id.substring(8), "project", 1, 0.5, 1.0));
    }
    return EnrichedArticle.newBuilder()
        .setId("a1")
        .setTitle("A title")
        .setUrl("https://news.example.org/a1")
        .setPublishedAt(T0)
        .setIngestedAt(T0.plusSeconds(5))
        .setEntities(mentions)
        .setExtractorVersion("test")
        .build();
  }
}
