package dev.trendmill.compose.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trendmill.compose.drop.ArticleFiles;
import dev.trendmill.compose.drop.InboxProducer;
import dev.trendmill.compose.embedded.Deadline;
import dev.trendmill.compose.embedded.LocalStack;
import dev.trendmill.compose.kafka.RawClients;
import dev.trendmill.compose.progress.PipelineProgress;
import dev.trendmill.compose.view.ViewClient;
import dev.trendmill.schemas.TopicNames;
import dev.trendmill.schemas.avro.Article;
import dev.trendmill.schemas.deadletter.DeadLetterHeaders;
import dev.trendmill.schemas.serde.AvroDeserializer;
import dev.trendmill.schemas.serde.AvroSerdeConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Ingest's sources on the embedded stack: a folder of messy scraped pages dropped as files, articles posted over
 * HTTP, and a mixed batch with duplicates and garbage; what comes out is measured against a snapshot (the stack is
 * shared with the other ITs): clean titles and dates, the posted ids, and records in = articles out + duplicates
 * suppressed (ingest's metric) + dead letters.
 */
@ExtendWith(EmbeddedStackExtension.class)
class IngestSourcesIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path MESSY = Path.of("../ingest/src/test/resources/messy");

  @Test
  void messyPagesHttpPostsAndAMixedBatchAllAddUp(LocalStack stack) throws Exception {
    Map<String, Object> client = Map.of("bootstrap.servers", stack.settings().bootstrapServers());
    String run = UUID.randomUUID().toString().substring(0, 8);
    HttpClient http = HttpClient.newHttpClient();
    String ingestUrl = stack.settings().ingestUrl();
    Map<TopicPartition, Long> start = endOffsets(stack, List.of(TopicNames.DEFAULT.articles(), TopicNames.DEFAULT.deadLetters()));
    long suppressedBefore = suppressed(http, ingestUrl);
    ViewClient view = new ViewClient(stack.settings().viewUrl());
    PipelineProgress progress =
        new PipelineProgress(client, TopicNames.DEFAULT, Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, stack.settings().registryUrl()), stack.settings().ingestUrl());
    PipelineProgress.Snapshot snapshot = progress.snapshot(view);

    // 1. The messy folder, as `trendmill drop` reads it: 4 pages become articles, 1 is skipped.
    ArticleFiles.Batch pages = ArticleFiles.read(List.of(MESSY));
    assertThat(pages.records()).hasSize(4);
    assertThat(pages.skipped()).hasSize(1);

    // 2. A mixed batch: new articles, exact copies of them, and garbage.
    Random random = new Random(11);
    List<byte[]> mixed = new ArrayList<>();
    List<byte[]> originals = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      originals.add(("{\"url\": \"https://it.example/" + run + "/" + i + "\", \"title\": \"IT story " + i + "\", \"body\": \"Body of story " + i + " in run " + run + ".\"}").getBytes(StandardCharsets.UTF_8));
    }
    mixed.addAll(originals);
    for (int i = 0; i < 10; i++) {
      mixed.add(originals.get(i)); // exact copies
    }
    for (int i = 0; i < 8; i++) {
      byte[] garbage = new byte[20 + random.nextInt(50)];
      random.nextBytes(garbage);
      garbage[0] = (byte) 0xfe;
      mixed.add(garbage);
    }
    mixed.add("{\"title\": \"truncated".getBytes(StandardCharsets.UTF_8));
    mixed.add("{\"title\": \"Only furniture\", \"body\": \"<nav>Home</nav><p>Share on Facebook | Twitter</p>\"}".getBytes(StandardCharsets.UTF_8));
    List<byte[]> sent = new ArrayList<>(pages.records());
    sent.addAll(mixed);
    try (InboxProducer producer = new InboxProducer(client, TopicNames.DEFAULT.inbox())) {
      assertThat(producer.sendAll(sent)).isEqualTo(sent.size());
    }

    // 3. Two articles over HTTP, and a bad request that sends nothing.
    HttpResponse<String> posted = post(http, ingestUrl, "[{\"title\": \"Posted " + run + " one\", \"body\": \"First posted article of run " + run + ".\"},"
        + "{\"title\": \"Posted " + run + " two\", \"body\": \"<p>Second posted article of run " + run + ".</p>\"}]");
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
    List<String> postedIds = new ArrayList<>();
    JSON.readTree(posted.body()).path("ids").forEach(id -> postedIds.add(id.asText()));
    assertThat(postedIds).hasSize(2);
    assertThat(post(http, ingestUrl, "{\"body\": \"no title\"}").statusCode()).isEqualTo(400);

    long in = sent.size() + postedIds.size();
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    long[] suppressed = new long[1];
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(stack)) {
      consumer.assign(start.keySet());
      start.forEach(consumer::seek);
      boolean through =
          Deadline.await(
              Duration.ofMinutes(2),
              Duration.ofMillis(200),
              () -> {
                consumer.poll(Duration.ofMillis(300)).forEach(out::add);
                suppressed[0] = suppressed(http, ingestUrl) - suppressedBefore;
                return out.size() + suppressed[0] >= in;
              });
      assertThat(through).as("%d in, %d out, %d suppressed", in, out.size(), suppressed[0]).isTrue();
    }

    List<Article> articles = new ArrayList<>();
    Map<String, Integer> reasons = new HashMap<>();
    try (AvroDeserializer<Article> reader = new AvroDeserializer<>()) {
      reader.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, stack.settings().registryUrl()), false);
      for (ConsumerRecord<byte[], byte[]> record : out) {
        if (record.topic().equals(TopicNames.DEFAULT.articles())) {
          articles.add(reader.deserialize(record.topic(), record.value()));
        } else {
          reasons.merge(DeadLetterHeaders.get(record.headers(), DeadLetterHeaders.REASON), 1, Integer::sum);
        }
      }
    }
    // The books: records in = articles out + duplicates suppressed + dead letters.
    assertThat(suppressed[0]).isEqualTo(10);
    assertThat(articles).hasSize(4 + 30 + 2);
    assertThat(reasons).isEqualTo(Map.of("not-json", 9, "empty-after-cleaning", 1));
    assertThat(articles.size() + suppressed[0] + reasons.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(in);

    // Let enrich and aggregate finish with these articles too, so that the ITs after this one measure only their own.
    // PipelineProgress reads the suppressed duplicates from ingest's counters, like the test above.
    PipelineProgress.Outcome through = progress.awaitThrough(snapshot, in, view, Duration.ofMinutes(2));
    assertThat(through.duplicatesSuppressed()).isEqualTo(10);
    assertThat(through.complete()).as(through.summary()).isTrue();

    Map<String, Article> byTitle = new HashMap<>();
    articles.forEach(article -> byTitle.put(article.getTitle(), article));
    Article kubecon = byTitle.get("KubeCon EU wrap-up: platform teams take the stage");
    assertThat(kubecon).isNotNull();
    assertThat(kubecon.getPublishedAt()).isEqualTo(Instant.parse("2021-03-03T14:15:00Z"));
    assertThat(kubecon.getLanguage()).isEqualTo("en");
    assertThat(kubecon.getBody()).startsWith("Platform engineering was").doesNotContain("Related articles", "cookies", "Share on");
    Article argo = byTitle.get("Argo Rollouts adds traffic mirroring for canary releases");
    assertThat(argo.getPublishedAt()).isEqualTo(Instant.parse("2020-09-09T00:00:00Z"));
    assertThat(argo.getAuthor()).isEqualTo("Tom Akers");
    assertThat(byTitle.get("Notes from the Dapr community call").getPublishedAtInferred()).isTrue();
    assertThat(articles).filteredOn(article -> postedIds.contains(article.getId())).hasSize(2);
  }

  private static HttpResponse<String> post(HttpClient http, String ingestUrl, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(ingestUrl + "/articles")).POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Ingest's count of suppressed exact duplicates, from its Prometheus text. */
  private static long suppressed(HttpClient http, String ingestUrl) {
    try {
      String text = http.send(HttpRequest.newBuilder(URI.create(ingestUrl + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
      // Prometheus text: the sample may carry labels ({service="ingest"}) and a decimal value.
      return Math.round(
          text.lines()
              .filter(line -> line.startsWith("trendmill_ingest_duplicates_suppressed_total ") || line.startsWith("trendmill_ingest_duplicates_suppressed_total{"))
              .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1).strip()))
              .sum());
    } catch (Exception e) {
      throw new IllegalStateException("ingest /metrics: " + e, e);
    }
  }

  private static Map<TopicPartition, Long> endOffsets(LocalStack stack, List<String> topics) {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(stack)) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : topics) {
        consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
      }
      return consumer.endOffsets(partitions);
    }
  }

  private static KafkaConsumer<byte[], byte[]> consumer(LocalStack stack) {
    return RawClients.committedReader(stack.settings().bootstrapServers());
  }
}
