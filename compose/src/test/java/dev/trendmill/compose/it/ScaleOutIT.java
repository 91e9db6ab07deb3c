package dev.trendmill.compose.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trendmill.aggregate.AggregateConfig;
import dev.trendmill.aggregate.AggregateService;
import dev.trendmill.compose.embedded.Deadline;
import dev.trendmill.compose.embedded.LocalStack;
import dev.trendmill.compose.view.ViewClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two aggregate instances of one application (one JVM, their own state directories and view ports) share the
 * partitions: either answers any query with the same result, fetching keys held by the other. When one stops, the
 * other takes over its partitions, restores their state from the changelogs, and the answers stay the same.
 */
@ExtendWith(EmbeddedStackExtension.class)
class ScaleOutIT {
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path stateDirs;

  private static final List<String> ENTITIES = List.of("project:kubernetes", "project:argo", "project:opentelemetry", "organization:red-hat", "project:dapr");

  @Test
  void twoInstancesAnswerAlikeAndOneTakesOverWhenTheOtherStops(LocalStack stack) throws Exception {
    PipelineScenario.samplesOnce(PipelineScenario.Endpoints.of(stack));
    long mentions = new ViewClient(stack.settings().viewUrl()).stats().path("mentions").asLong();
    String applicationId = "trendmill-aggregate-scaleout-" + UUID.randomUUID();

    AggregateService first = instance(stack, applicationId);
    AggregateService second = instance(stack, applicationId);
    try {
      ViewClient a = new ViewClient("http://127.0.0.1:" + first.httpPort());
      ViewClient b = new ViewClient("http://127.0.0.1:" + second.httpPort());
      awaitCaughtUp(a, mentions);
      awaitCaughtUp(b, mentions);

      JsonNode board = a.trends("all", 1000);
      assertThat(board.path("trends").size()).isGreaterThan(10);
      assertThat(b.trends("all", 1000).path("trends")).isEqualTo(board.path("trends"));
      String at = a.stats().path("latest_event_time").asText();
      JsonNode week = a.trends("7d", null, 100, at);
      assertThat(b.trends("7d", null, 100, at)).isEqualTo(week);
      Map<String, JsonNode> entities = new HashMap<>();
      for (String id : ENTITIES) {
        JsonNode fromA = a.get("/api/entities/" + id + "?at=" + at);
        assertThat(b.get("/api/entities/" + id + "?at=" + at)).as(id).isEqualTo(fromA);
        entities.put(id, fromA);
      }
      assertThat(first.app().streams().metadataForAllStreamsClients()).hasSize(2);

      first.close();
      awaitCaughtUp(b, mentions);
      assertThat(b.trends("all", 1000).path("trends")).isEqualTo(board.path("trends"));
      assertThat(b.trends("7d", null, 100, at)).isEqualTo(week);
      for (String id : ENTITIES) {
        assertThat(b.get("/api/entities/" + id + "?at=" + at)).as(id).isEqualTo(entities.get(id));
      }
    } finally {
      first.close();
      second.close();
    }
  }

  private AggregateService instance(LocalStack stack, String applicationId) throws Exception {
    Path stateDir = Files.createTempDirectory(stateDirs, "aggregate-");
    Map<String, Object> settings = new HashMap<>();
    settings.put("bootstrap.servers", stack.settings().bootstrapServers());
    settings.put("schema.registry.url", stack.settings().registryUrl());
    settings.put("state.dir", stateDir.toString());
    settings.put(AggregateConfig.APPLICATION_ID_CONFIG, applicationId);
    settings.put(AggregateConfig.HTTP_PORT_CONFIG, "0");
    return new AggregateService(new AggregateConfig(settings)).start();
  }

  /** Waits until the instance answers for the whole application (both instances, or itself alone) with every mention. */
  private static void awaitCaughtUp(ViewClient view, long mentions) throws InterruptedException {
    boolean caughtUp =
        Deadline.await(
            Duration.ofMinutes(2),
            Duration.ofMillis(250),
            () -> {
              try {
                return view.stats().path("mentions").asLong() == mentions;
              } catch (RuntimeException notReady) {
                return false; // rebalancing or restoring: 503 until the stores are there
              }
            });
    assertThat(caughtUp).as("instance caught up with %d mentions", mentions).isTrue();
  }
}
