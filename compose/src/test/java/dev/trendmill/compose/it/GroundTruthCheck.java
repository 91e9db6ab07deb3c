package dev.trendmill.compose.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trendmill.aggregate.score.Horizon;
import dev.trendmill.compose.generate.ArticleGenerator;
import dev.trendmill.compose.generate.GeneratedArticle;
import dev.trendmill.compose.generate.GroundTruth;
import dev.trendmill.compose.kafka.RawClients;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Drops generated articles on a running stack and checks what the view shows against the generator's ground truth:
 * all-time counts as a difference to a snapshot taken before, windowed counts at given moments (the generated span is
 * one no other articles touch, so windows there hold only ours).
 */
final class GroundTruthCheck {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  private GroundTruthCheck() {}

  static JsonNode get(String url) throws IOException, InterruptedException {
    HttpResponse<String> response = send(url);
    if (response.statusCode() != 200) {
      throw new IOException(url + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  /**
   * GETs {@code url}; a 503 (stores not ready: the aggregate group is rebalancing or restoring, e.g. right after an
   * instance joined) is asked again until it answers otherwise or a minute has passed.
   */
  private static HttpResponse<String> send(String url) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (true) {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 503 || System.nanoTime() > deadline) {
        return response;
      }
      Thread.sleep(200);
    }
  }

  /** What the view shows before articles are sent: total mentions, and the all-time count of each entity given. */
  record Snapshot(long mentions, Map<String, Long> counts) {}

  static Snapshot snapshot(String viewUrl, java.util.Collection<String> ids) throws Exception {
    Map<String, Long> counts = new HashMap<>();
    for (String id : ids) {
      counts.put(id, allTimeCount(viewUrl, id));
    }
    return new Snapshot(get(viewUrl + "/api/stats").path("mentions").asLong(), counts);
  }

  /** The all-time count of one entity; 0 when the view does not know it yet (404). */
  static long allTimeCount(String viewUrl, String id) throws Exception {
    HttpResponse<String> response = send(viewUrl + "/api/entities/" + URLEncoder.encode(id, StandardCharsets.UTF_8));
    if (response.statusCode() == 404) {
      return 0;
    }
    if (response.statusCode() != 200) {
      throw new IOException(id + ": " + response.statusCode() + " " + response.body());
    }
    return JSON.readTree(response.body()).path("all_time_count").asLong();
  }

  private static long statsMentions(String viewUrl) {
    try {
      return get(viewUrl + "/api/stats").path("mentions").asLong();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /**
   * Waits until the view's total mentions have grown by the ground truth's, then checks that the total grew by
   * exactly that (nothing counted twice) and each entity's all-time count by its own.
   */
  static void awaitAndVerifyAllTime(String viewUrl, Snapshot before, GroundTruth truth, Duration timeout) throws Exception {
    long target = before.mentions() + truth.mentions();
    long deadline = System.nanoTime() + timeout.toNanos();
    long now = statsMentions(viewUrl);
    while (now < target && System.nanoTime() < deadline) {
      Thread.sleep(500);
      now = statsMentions(viewUrl);
    }
    String trail = "";
    if (now != target) {
      // Say whether the difference lasts or passes (interactive queries read uncommitted state): the view's
      // total every 2 s for 30 s more, as differences to the target.
      StringBuilder seen = new StringBuilder();
      for (int i = 0; i < 15; i++) {
        Thread.sleep(2000);
        seen.append(' ').append(statsMentions(viewUrl) - target);
      }
      trail = "; afterwards, every 2 s, the total minus the target:" + seen;
    }
    assertThat(now).as("entity mentions counted in the view (%d before)%s", before.mentions(), trail).isEqualTo(target);
    Map<String, Long> delta = new HashMap<>();
    for (String id : before.counts().keySet()) {
      long change = allTimeCount(viewUrl, id) - before.counts().get(id);
      if (change != 0) {
        delta.put(id, change);
      }
    }
    assertThat(delta).as("all-time counts added").isEqualTo(truth.allTime());
  }

  /**
   * Waits until the view's all-time counts have grown by exactly the ground truth's mentions, then checks every
   * entity's all-time difference and its windowed counts at the latest publication time and {@code earlier} before.
   */
  static void awaitAndVerify(String viewUrl, Snapshot before, GroundTruth truth, Duration timeout, Duration... earlier)
      throws Exception {
    awaitAndVerifyAllTime(viewUrl, before, truth, timeout);
    List<Instant> moments = new java.util.ArrayList<>(List.of(truth.latest()));
    for (Duration back : earlier) {
      moments.add(truth.latest().minus(back));
    }
    for (Instant at : moments) {
      Map<String, Long> expected = new HashMap<>();
      Map<String, Long> actual = new HashMap<>();
      for (String id : truth.allTime().keySet()) {
        JsonNode entity = get(viewUrl + "/api/entities/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "?at=" + at);
        for (JsonNode horizon : entity.path("horizons")) {
          actual.put(id + "|" + horizon.path("horizon").asText(), horizon.path("count").asLong());
        }
        for (Horizon horizon : truth.horizons()) {
          expected.put(id + "|" + horizon.name(), truth.measure(id, horizon, at).count());
        }
      }
      assertThat(actual).as("windowed counts at %s", at).isEqualTo(expected);
    }
  }

  /**
   * Sends generated articles from a thread of its own at a steady rate, adding each to the ground truth; {@link
   * #reached} opens once a given share is acknowledged, so a test can strike mid-stream. The producer waits out a
   * broker restart (long delivery and blocking timeouts).
   */
  static final class Stream implements AutoCloseable {
    final GroundTruth truth;
    final CountDownLatch reached = new CountDownLatch(1);
    private final Thread thread;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    Stream(String bootstrapServers, String topic, ArticleGenerator generator, double perSecond, double strikeAt) {
      this.truth = GroundTruth.withDefaultSettings(generator.pool());
      long strikeIndex = (long) (generator.settings().articles() * strikeAt);
      this.thread =
          Thread.ofPlatform().name("article-stream").start(() -> {
            try (KafkaProducer<byte[], byte[]> producer = producer(bootstrapServers)) {
              long interval = (long) (1e9 / perSecond);
              long next = System.nanoTime();
              long i = 0;
              for (GeneratedArticle article : generator) {
                while (System.nanoTime() < next) {
                  Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
                }
                next += interval;
                truth.add(article);
                producer.send(new ProducerRecord<>(topic, article.id().getBytes(StandardCharsets.UTF_8), article.toJson()), (md, e) -> {
                  if (e != null) {
                    failure.compareAndSet(null, e);
                  }
                });
                if (++i == strikeIndex) {
                  producer.flush();
                  reached.countDown();
                }
              }
              producer.flush();
            } catch (Throwable e) {
              failure.compareAndSet(null, e);
            } finally {
              reached.countDown();
            }
          });
    }

    private static KafkaProducer<byte[], byte[]> producer(String bootstrapServers) {
      return RawClients.idempotentProducer(
          bootstrapServers,
          Map.of(
              ProducerConfig.LINGER_MS_CONFIG, 5,
              ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 240_000,
              ProducerConfig.MAX_BLOCK_MS_CONFIG, 240_000));
    }

    /** Waits for every article to be acknowledged; the ground truth is complete after this. */
    GroundTruth finish(Duration timeout) throws InterruptedException {
      thread.join(timeout.toMillis());
      assertThat(thread.isAlive()).as("articles still being sent after %s", timeout).isFalse();
      assertThat(failure.get()).as("sending failed").isNull();
      return truth;
    }

    @Override
    public void close() throws InterruptedException {
      thread.interrupt();
      thread.join(10_000);
    }
  }
}
