package dev.trendmill.ingest.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trendmill.ingest.normalize.ArticleParser;
import dev.trendmill.schemas.avro.Article;
import dev.trendmill.schemas.deadletter.RejectedRecordException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a {@code POST /articles} body holds: one JSON object, an array of them, or JSON lines. Each item is checked
 * with the same parser the topology runs, so the answer can name the ids (202) or the reasons per bad item (400)
 * before anything is sent. Pure: no HTTP, no Kafka.
 */
public final class ArticleSubmission {
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** One item: its position, the record to send (compact JSON), and the article id or why it is rejected. */
  public record Item(int index, byte[] record, String id, String reason, String message) {
    public boolean valid() {
      return reason == null;
    }
  }

  private ArticleSubmission() {}

  /** Splits and checks a request body; a body that is not JSON at all is one bad item. */
  public static List<Item> read(byte[] body, ArticleParser parser, Instant now) {
    List<byte[]> records = split(body);
    List<Item> items = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      byte[] record = records.get(i);
      try {
        Article article = parser.parse(record, now);
        items.add(new Item(i, record, article.getId(), null, null));
      } catch (RejectedRecordException e) {
        items.add(new Item(i, record, null, e.reason(), e.getMessage()));
      }
    }
    return items;
  }

  private static List<byte[]> split(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8).strip();
    if (text.isEmpty()) {
      return List.of(new byte[0]);
    }
    if (text.startsWith("[")) {
      try {
        JsonNode array = JSON.readTree(text);
        if (array != null && array.isArray()) {
          List<byte[]> records = new ArrayList<>();
          for (JsonNode element : array) {
            records.add(JSON.writeValueAsBytes(element));
          }
          return records;
        }
      } catch (JsonProcessingException e) {
        return List.of(text.getBytes(StandardCharsets.UTF_8)); // the parser names what is wrong
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    // One object, or JSON lines: one record per non-blank line when the whole is not a single JSON value.
    try {
      JSON.readTree(text);
      return List.of(text.getBytes(StandardCharsets.UTF_8));
    } catch (JsonProcessingException notOneValue) {
      return text.lines().map(String::strip).filter(line -> !line.isEmpty()).map(line -> line.getBytes(StandardCharsets.UTF_8)).toList();
    }
  }
}
