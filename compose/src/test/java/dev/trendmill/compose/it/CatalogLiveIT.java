package dev.trendmill.compose.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trendmill.compose.TrendmillCommand;
import dev.trendmill.compose.drop.InboxProducer;
import dev.trendmill.compose.embedded.LocalStack;
import dev.trendmill.compose.progress.PipelineProgress;
import dev.trendmill.compose.view.ViewClient;
import dev.trendmill.schemas.TopicNames;
import dev.trendmill.schemas.avro.EnrichedArticle;
import dev.trendmill.schemas.avro.EntityMention;
import dev.trendmill.schemas.serde.AvroDeserializer;
import dev.trendmill.schemas.serde.AvroSerdeConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/**
 * The live catalog on the embedded stack: {@code trendmill catalog add} makes enrich find a new entity in the next
 * articles without a restart, and {@code trendmill catalog remove} makes it stop. Change and article travel on
 * different topics, so the test drops one article at a time until one comes out with (or without) the entity, within
 * a deadline; everything it dropped is through the pipeline before it ends (measured against a snapshot, as the
 * stack is shared).
 */
@ExtendWith(EmbeddedStackExtension.class)
class CatalogLiveIT {
  private static final String ID = "project:zorblat-mesh";
  private static final String[] FILLER = {
    "faster", "startup", "builds", "smaller", "images", "clearer", "logs", "fewer", "restarts", "tuned", "defaults",
    "quieter", "alerts", "simpler", "upgrades", "leaner", "memory", "steadier", "latency", "broader", "platforms"};

  private final Random random = new Random(42);
  private int sent;

  @Test
  void anAddedEntityIsFoundInNewArticlesAndARemovedOneNoLonger(LocalStack stack) throws Exception {
    String bootstrap = stack.settings().bootstrapServers();
    String registry = stack.settings().registryUrl();
    ViewClient view = new ViewClient(stack.settings().viewUrl());
    Map<String, Object> client = Map.of("bootstrap.servers", bootstrap);
    Map<String, Object> serde = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, registry);
    PipelineProgress progress = new PipelineProgress(client, TopicNames.DEFAULT, serde, stack.settings().ingestUrl());
    PipelineProgress.Snapshot snapshot = progress.snapshot(view);

    try (EnrichedReader enriched = new EnrichedReader(bootstrap, serde, snapshot);
        InboxProducer inbox = new InboxProducer(client, TopicNames.DEFAULT.inbox())) {
      assertThat(ids(dropAndRead(inbox, enriched, "before"))).doesNotContain(ID);

      assertThat(cli("catalog", "add", ID, "--name", "Zorblat Mesh", "--alias", "ZorblatMesh", "--attribute", "category=Runtime",
              "--bootstrap-server", bootstrap, "--registry-url", registry)).isEqualTo("Added " + ID + " (Zorblat Mesh, project) to entities.catalog.");
      assertThat(cli("catalog", "list", "--type", "project", "--bootstrap-server", bootstrap, "--registry-url", registry))
          .contains(ID).contains("project:kubernetes");

      EnrichedArticle with = dropUntil(inbox, enriched, "added", article -> ids(article).contains(ID));
      EntityMention mention = with.getEntities().stream().filter(m -> m.getEntityId().equals(ID)).findFirst().orElseThrow();
      assertThat(mention.getName()).isEqualTo("Zorblat Mesh");
      assertThat(mention.getType()).isEqualTo("project");
      assertThat(mention.getMentions()).isEqualTo(2);

      assertThat(cli("catalog", "remove", ID, "--bootstrap-server", bootstrap, "--registry-url", registry)).isEqualTo("Removed " + ID + " from entities.catalog.");
      assertThat(cli("catalog", "list", "--bootstrap-server", bootstrap, "--registry-url", registry)).doesNotContain(ID);
      dropUntil(inbox, enriched, "removed", article -> !ids(article).contains(ID));
    }

    PipelineProgress.Outcome outcome = progress.awaitThrough(snapshot, sent, view, Duration.ofMinutes(2));
    assertThat(outcome.complete()).as(outcome.summary()).isTrue();
  }

  private static Set<String> ids(EnrichedArticle article) {
    return article.getEntities().stream().map(EntityMention::getEntityId).collect(Collectors.toSet());
  }

  private String cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = TrendmillCommand.newCommandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    assertThat(cli.execute(args)).as("trendmill %s: %s", String.join(" ", args), err).isZero();
    return out.toString().strip();
  }

  /** Drops one article at a time until the enriched form of one satisfies the condition. */
  private EnrichedArticle dropUntil(InboxProducer inbox, EnrichedReader enriched, String phase, Predicate<EnrichedArticle> condition) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    EnrichedArticle last = null;
    while (Instant.now().isBefore(deadline)) {
      last = dropAndRead(inbox, enriched, phase);
      if (condition.test(last)) {
        return last;
      }
    }
    throw new AssertionError("no article after the catalog change (" + phase + ") satisfied the condition; last: " + last);
  }

  private EnrichedArticle dropAndRead(InboxProducer inbox, EnrichedReader enriched, String phase) throws Exception {
    sent++;
    String url = "https://it.example.org/catalog-live/" + phase + "-" + sent;
    StringBuilder words = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      words.append(FILLER[random.nextInt(FILLER.length)]).append(i % 6 == 5 ? ". " : " ");
    }
    Map<String, Object> article = Map.of(
        "url", url,
        "title", "Zorblat Mesh notes, part " + sent,
        "body", "the Zorblat Mesh team shipped build " + sent + " this week: " + words,
        "published_at", "2026-09-15T10:00:00Z");
    inbox.sendAll(List.of(new ObjectMapper().writeValueAsString(article).getBytes(StandardCharsets.UTF_8)));
    return enriched.await(url, Duration.ofSeconds(60));
  }

  /** Reads articles.enriched (committed records) from the snapshot on, remembering each article by URL. */
  private static final class EnrichedReader implements AutoCloseable {
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final AvroDeserializer<EnrichedArticle> deserializer = new AvroDeserializer<>();
    private final Map<String, EnrichedArticle> byUrl = new HashMap<>();

    EnrichedReader(String bootstrap, Map<String, Object> serde, PipelineProgress.Snapshot snapshot) {
      deserializer.configure(serde, false);
      consumer = new KafkaConsumer<>(
          Map.of("bootstrap.servers", bootstrap, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed".toLowerCase(Locale.ROOT)),
          new ByteArrayDeserializer(), new ByteArrayDeserializer());
      Map<TopicPartition, Long> start = new HashMap<>(snapshot.offsets());
      start.keySet().removeIf(tp -> !tp.topic().equals(TopicNames.DEFAULT.enriched()));
      consumer.assign(start.keySet());
      start.forEach(consumer::seek);
    }

    EnrichedArticle await(String url, Duration timeout) {
      Instant deadline = Instant.now().plus(timeout);
      while (!byUrl.containsKey(url)) {
        if (Instant.now().isAfter(deadline)) {
          throw new AssertionError("article " + url + " was not enriched within " + timeout);
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          EnrichedArticle article = deserializer.deserialize(record.topic(), record.value());
          if (article.getUrl() != null) {
            byUrl.put(article.getUrl(), article);
          }
        }
      }
      return byUrl.get(url);
    }

    @Override
    public void close() {
      consumer.close();
      deserializer.close();
    }
  }
}
