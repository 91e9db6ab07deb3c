package dev.trendmill.compose.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trendmill.aggregate.AggregateConfig;
import dev.trendmill.aggregate.AggregateService;
import dev.trendmill.compose.embedded.LocalStack;
import dev.trendmill.schemas.TopicAdmin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** What the aggregate reads when it starts (its counting gets its input's partition count), on a real broker. */
@ExtendWith(EmbeddedStackExtension.class)
class TopicAdminIT {
  @Test
  void partitionsOfReadsATopicsSizeAndNamesAMissingTopic(LocalStack stack) throws Exception {
    String topic = "topic-admin-it-" + UUID.randomUUID();
    try (Admin admin = stack.admin()) {
      admin.createTopics(List.of(new NewTopic(topic, 5, (short) 1))).all().get(30, TimeUnit.SECONDS);
      assertThat(TopicAdmin.partitionsOf(admin, topic, Duration.ofSeconds(30))).isEqualTo(5);
      assertThatThrownBy(() -> TopicAdmin.partitionsOf(admin, topic + "-missing", Duration.ofSeconds(30)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Topic " + topic + "-missing does not exist");
    }
  }

  @Test
  void anAggregateWhoseInputTopicIsMissingStopsSayingSo(LocalStack stack, @TempDir Path stateDir) {
    String prefix = "missing-" + UUID.randomUUID() + ".";
    Map<String, Object> settings = new HashMap<>();
    settings.put("bootstrap.servers", stack.settings().bootstrapServers());
    settings.put("schema.registry.url", stack.settings().registryUrl());
    settings.put("state.dir", stateDir.toString());
    settings.put("topic.prefix", prefix);
    settings.put(AggregateConfig.HTTP_PORT_CONFIG, "0");
    assertThatThrownBy(() -> new AggregateService(new AggregateConfig(settings)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Topic " + prefix + "articles.enriched does not exist");
  }
}
