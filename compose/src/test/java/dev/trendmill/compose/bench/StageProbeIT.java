package dev.trendmill.compose.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trendmill.compose.embedded.Deadline;
import dev.trendmill.compose.embedded.LocalStack;
import dev.trendmill.compose.generate.ArticleGenerator;
import dev.trendmill.compose.generate.GeneratedArticle;
import dev.trendmill.compose.it.EmbeddedStackExtension;
import dev.trendmill.schemas.TopicNames;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The bench's stage probe on the real pipeline: each article sent is seen in every topic on its way to the view. */
@ExtendWith(EmbeddedStackExtension.class)
class StageProbeIT {

  @Test
  void seesEveryArticleAtEveryStageWithItsDelayFromTheDrop(LocalStack stack) throws Exception {
    String bootstrap = stack.settings().bootstrapServers();
    List<GeneratedArticle> sent = new ArrayList<>();
    // A seed and a start of their own, so these ids are new to the shared stack.
    ArticleGenerator.withBundledCatalog(new ArticleGenerator.Settings(3, 4711, Instant.parse("2024-03-01T00:00:00Z"), Duration.ofHours(1)))
        .forEach(sent::add);
    List<String> topics = StageProbe.pipelineTopics();
    try (StageProbe probe = StageProbe.onPipeline(bootstrap, stack.settings().registryUrl())) {
      long before = System.currentTimeMillis();
      try (KafkaProducer<byte[], byte[]> producer = EndToEndBench.producer(bootstrap)) {
        for (GeneratedArticle article : sent) {
          producer.send(new ProducerRecord<>(TopicNames.DEFAULT.inbox(), article.id().getBytes(StandardCharsets.UTF_8), article.toJson()));
        }
      }
      boolean all =
          Deadline.await(
              Duration.ofSeconds(60),
              Duration.ofMillis(100),
              () -> sent.stream().allMatch(article -> topics.stream().allMatch(topic -> probe.delay(topic, article.id()) != null)));
      long elapsed = System.currentTimeMillis() - before;
      assertThat(all).as("every article in every topic: %s", probe.summary(before)).isTrue();
      for (GeneratedArticle article : sent) {
        long previous = 0;
        for (String topic : topics) { // in pipeline order, so no stage is seen before the one feeding it
          long delay = probe.delay(topic, article.id());
          assertThat(delay).as("%s in %s", article.id(), topic).isBetween(previous, elapsed);
          previous = delay;
        }
      }
      assertThat(probe.summary(before)).contains(topics);
    }
  }
}
