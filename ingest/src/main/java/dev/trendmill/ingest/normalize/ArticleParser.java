package dev.trendmill.ingest.normalize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trendmill.schemas.avro.Article;
import dev.trendmill.schemas.deadletter.RejectedRecordException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one JSON article (as producers drop it on the inbox, see DESIGN.md) into a normalized {@link Article}, or
 * rejects it with a {@link RejectedRecordException} whose reason names what is wrong. Pure: no Kafka, no clock.
 *
 * <p>HTML bodies are reduced to their main text ({@link HtmlText}), page furniture lines are dropped from plain text
 * ({@link PageFurniture}), the language is detected when not given ({@link Languages}), and
 * {@code published_at_inferred: true} marks a given date as a guess (a file time, say) rather than the author's.
 */
public final class ArticleParser {
  /** Deeper nesting than any article needs; bounds the parser's stack on hostile input. */
  private static final int MAX_NESTING_DEPTH = 64;

  private final ObjectMapper json;
  private final int maxBodyBytes;

  public ArticleParser(int maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxStringLength((int) Math.max(Math.min(maxBodyBytes * 2L, Integer.MAX_VALUE), 1 << 20))
                    .build())
            .build();
    // One record is one article: a second value or garbage after the object is not silently ignored.
    this.json = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  /**
   * @param value the record's bytes
   * @param ingestedAt ingest time, also the publication time when none is given (flagged as inferred)
   */
  public Article parse(byte[] value, Instant ingestedAt) {
    if (value == null || value.length == 0) {
      throw new RejectedRecordException("empty", "The record has no value");
    }
    JsonNode node = readJson(value);
    if (!node.isObject()) {
      throw new RejectedRecordException("not-an-object", "Expected a JSON object, got " + node.getNodeType().name().toLowerCase());
    }
    String title = TextCleaner.cleanLine(optionalText(node, "title"));
    String rawBody = firstText(node, "body", "text", "content");
    if (rawBody != null && rawBody.getBytes(StandardCharsets.UTF_8).length > maxBodyBytes) {
      throw new RejectedRecordException(
          "body-too-large", "The body has more than " + maxBodyBytes + " bytes (ingest.max.body.bytes)");
    }
    String body = mainText(rawBody);
    if (title == null || title.isEmpty()) {
      throw new RejectedRecordException(
          rawBody == null ? "no-title-no-body" : "missing-title", "The article has no title");
    }
    if (rawBody == null) {
      throw new RejectedRecordException("missing-body", "The article has no body (body, text or content)");
    }
    if (body.isEmpty()) {
      throw new RejectedRecordException(
          "empty-after-cleaning", "The body has no text left once markup and page furniture are removed");
    }
    String url = Urls.canonical(optionalText(node, "url"));
    String id = TextCleaner.cleanLine(optionalText(node, "id"));
    if (id == null || id.isEmpty()) {
      id = url != null ? ArticleIds.fromUrl(url) : ArticleIds.fromContent(title, body);
    }
    Instant publishedAt = PublishedAt.parse(node.get("published_at"));
    boolean flaggedInferred = optionalBoolean(node, "published_at_inferred");
    boolean inferred = publishedAt == null || flaggedInferred;
    String language = Languages.normalizeTag(TextCleaner.cleanLine(optionalText(node, "language")));
    if (language == null) {
      language = Languages.detect(title + "\n" + body);
    }
    return Article.newBuilder()
        .setId(id)
        .setUrl(url)
        .setTitle(title)
        .setBody(body)
        .setPublishedAt(publishedAt != null ? publishedAt : ingestedAt)
        .setPublishedAtInferred(inferred)
        .setIngestedAt(ingestedAt)
        .setSource(TextCleaner.cleanLine(optionalText(node, "source")))
        .setAuthor(TextCleaner.cleanLine(optionalText(node, "author")))
        .setLanguage(language)
        .setTags(tags(node.get("tags")))
        .setDuplicateOf(null)
        .build();
  }

  private JsonNode readJson(byte[] value) {
    try {
      JsonNode node = json.readTree(value);
      if (node == null || node.isMissingNode()) {
        throw new RejectedRecordException("not-json", "The record is empty, not JSON");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new RejectedRecordException("not-json", "Not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new RejectedRecordException("not-json", "Not readable as JSON: " + e.getMessage(), e);
    }
  }

  /** Plain main text: HTML reduced to the article's paragraphs, page furniture lines dropped, whitespace folded. */
  static String mainText(String rawBody) {
    if (rawBody == null) {
      return null;
    }
    if (HtmlText.looksLikeHtml(rawBody)) {
      return HtmlText.mainText(rawBody);
    }
    String clean = TextCleaner.cleanText(rawBody);
    String stripped = PageFurniture.strip(clean);
    // Cleaning again folds the blank lines that removed lines leave; cleaning is idempotent, so a body that lost no
    // line needs no second pass (it was an eighth of ingest's stream thread).
    return stripped == clean ? clean : TextCleaner.cleanText(stripped);
  }

  private static boolean optionalBoolean(JsonNode node, String name) {
    JsonNode field = node.get(name);
    if (field == null || field.isNull()) {
      return false;
    }
    if (!field.isBoolean()) {
      throw new RejectedRecordException(
          "wrong-type", "Field '" + name + "' must be true or false, got " + field.getNodeType().name().toLowerCase());
    }
    return field.booleanValue();
  }

  private static String firstText(JsonNode node, String... names) {
    for (String name : names) {
      String text = optionalText(node, name);
      if (text != null && !text.isBlank()) {
        return text;
      }
    }
    return null;
  }

  private static String optionalText(JsonNode node, String name) {
    JsonNode field = node.get(name);
    if (field == null || field.isNull()) {
      return null;
    }
    if (!field.isTextual()) {
      throw new RejectedRecordException(
          "wrong-type", "Field '" + name + "' must be a string, got " + field.getNodeType().name().toLowerCase());
    }
    return field.textValue();
  }

  private static List<String> tags(JsonNode field) {
    List<String> tags = new ArrayList<>();
    if (field == null || field.isNull()) {
      return tags;
    }
    if (!field.isArray()) {
      throw new RejectedRecordException("wrong-type", "Field 'tags' must be an array of strings");
    }
    for (JsonNode tag : field) {
      if (!tag.isTextual()) {
        throw new RejectedRecordException("wrong-type", "Field 'tags' must be an array of strings");
      }
      String clean = TextCleaner.cleanLine(tag.textValue());
      if (clean != null && !clean.isEmpty()) {
        tags.add(clean);
      }
    }
    return tags;
  }
}
