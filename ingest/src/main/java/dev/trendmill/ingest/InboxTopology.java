package dev.trendmill.ingest;

import dev.trendmill.ingest.normalize.ArticleParser;
import dev.trendmill.schemas.Topics;
import dev.trendmill.schemas.avro.Article;
import java.time.Instant;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * {@code articles.inbox} (JSON bytes, any key) → {@code articles} (Avro {@code Article}, keyed by article id).
 *
 * <p>A record the parser rejects throws, and the dead-letter handler configured on the application writes it,
 * unchanged, to {@code articles.dlq} with the reason: nothing is dropped and the partition is never blocked.
 */
public final class InboxTopology {
  private InboxTopology() {}

  public static Topology build(Topics topics, IngestConfig config) {
    ArticleParser parser = new ArticleParser(config.maxBodyBytes());
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(
            topics.inbox().name(),
            Consumed.with(topics.inbox().keySerde(), topics.inbox().valueSerde()).withName("inbox"))
        .map(
            (key, value) -> {
              Article article = parser.parse(value, Instant.now());
              return KeyValue.pair(article.getId(), article);
            },
            Named.as("parse-article"))
        .to(
            topics.articles().name(),
            Produced.with(topics.articles().keySerde(), topics.articles().valueSerde()).withName("articles"));
    return builder.build();
  }
}
