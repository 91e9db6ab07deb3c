package dev.trendmill.compose.generate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * One generated article, as ingest takes it, and the catalog entities planted in it (the ground truth). The language
 * is null when the article leaves it to ingest's detection, as most real producers do.
 */
public record GeneratedArticle(
    String id, String url, String title, String body, Instant publishedAt, String source, String language, List<String> entityIds) {
  private static final JsonFactory JSON = new JsonFactory();

  /** The article as the JSON object a producer drops on {@code articles.inbox}. */
  public byte[] toJson() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length() + 512);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("id", id);
      json.writeStringField("url", url);
      json.writeStringField("title", title);
      json.writeStringField("body", body);
      json.writeStringField("published_at", publishedAt.toString());
      json.writeStringField("source", source);
      if (language != null) {
        json.writeStringField("language", language);
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
