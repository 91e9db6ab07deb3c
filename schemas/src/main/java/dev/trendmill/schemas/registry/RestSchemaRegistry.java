package dev.trendmill.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A small client of the Confluent Schema Registry REST API (Confluent, Apicurio's {@code /apis/ccompat/v7}, Karapace,
 * Redpanda). Written by hand only because Confluent's Java client is not on Maven Central.
 *
 * <p>Caches ids and schemas (both immutable once registered), sends HTTP basic auth when given {@code user:password},
 * and retries a bounded number of times on connection errors, 429 and 5xx.
 */
public final class RestSchemaRegistry implements SchemaRegistry {
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final String authorization;
  private final int maxAttempts;
  private final Duration backoff;
  private final HttpClient http;
  private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

  /**
   * @param baseUrl the registry's API root, e.g. {@code http://127.0.0.1:8081/apis/ccompat/v7}
   * @param userInfo {@code user:password} for HTTP basic auth, or null
   * @param maxAttempts how many times one call is tried before it fails (at least 1)
   */
  public RestSchemaRegistry(String baseUrl, String userInfo, int maxAttempts, Duration backoff, Duration timeout) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.authorization =
        userInfo == null || userInfo.isBlank()
            ? null
            : "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    this.maxAttempts = Math.max(1, maxAttempts);
    this.backoff = backoff;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  public RestSchemaRegistry(String baseUrl, String userInfo) {
    this(baseUrl, userInfo, 5, Duration.ofMillis(200), Duration.ofSeconds(10));
  }

  public String baseUrl() {
    return baseUrl;
  }

  @Override
  public int register(String subject, Schema schema) {
    Integer cached = idsBySubject.getOrDefault(subject, Map.of()).get(schema);
    if (cached != null) {
      return cached;
    }
    ObjectNode body = JSON.createObjectNode().put("schema", schema.toString());
    JsonNode answer =
        call("POST", "/subjects/" + encode(subject) + "/versions", body, "registering a schema for subject '" + subject + "'");
    return remember(subject, schema, answer.path("id").asInt());
  }

  @Override
  public int idOf(String subject, Schema schema) {
    Integer cached = idsBySubject.getOrDefault(subject, Map.of()).get(schema);
    if (cached != null) {
      return cached;
    }
    ObjectNode body = JSON.createObjectNode().put("schema", schema.toString());
    JsonNode answer = call("POST", "/subjects/" + encode(subject), body, "looking up a schema under subject '" + subject + "'");
    return remember(subject, schema, answer.path("id").asInt());
  }

  @Override
  public Schema byId(int id) {
    return schemasById.computeIfAbsent(
        id,
        key -> {
          JsonNode answer = call("GET", "/schemas/ids/" + key, null, "fetching schema id " + key);
          return new Schema.Parser().parse(answer.path("schema").asText());
        });
  }

  @Override
  public void setCompatibility(String subject, String level) {
    ObjectNode body = JSON.createObjectNode().put("compatibility", level);
    String what = "setting compatibility " + level + " on subject '" + subject + "'";
    try {
      call("PUT", "/config/" + encode(subject), body, what);
    } catch (SchemaRegistryException e) {
      if (e.status() != 409) {
        throw e;
      }
      // Apicurio answers 409 ("rule already exists") to the loser when two clients create a subject's rule at the
      // same moment (two instances starting together); the rule exists now, so the same PUT updates it.
      call("PUT", "/config/" + encode(subject), body, what);
    }
  }

  @Override
  public List<String> subjects() {
    JsonNode answer = call("GET", "/subjects", null, "listing subjects");
    List<String> subjects = new ArrayList<>();
    answer.forEach(node -> subjects.add(node.asText()));
    return subjects;
  }

  private int remember(String subject, Schema schema, int id) {
    idsBySubject.computeIfAbsent(subject, key -> new ConcurrentHashMap<>()).put(schema, id);
    schemasById.putIfAbsent(id, schema);
    return id;
  }

  private JsonNode call(String method, String path, JsonNode body, String what) {
    String url = baseUrl + path;
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("Accept", CONTENT_TYPE);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
    if (body != null) {
      request.header("Content-Type", CONTENT_TYPE);
    }
    SchemaRegistryException last = null;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      try {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status / 100 == 2) {
          return JSON.readTree(response.body());
        }
        last =
            new SchemaRegistryException(
                what + " at " + url + " failed: HTTP " + status + " " + response.body(), status, null);
        if (status != 429 && status / 100 != 5) {
          throw last;
        }
      } catch (IOException e) {
        last = new SchemaRegistryException(what + " at " + url + " failed: " + e, -1, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SchemaRegistryException(what + " at " + url + " was interrupted", -1, e);
      }
      if (attempt < maxAttempts) {
        sleep(backoff.multipliedBy(attempt));
      }
    }
    throw new SchemaRegistryException(
        last.getMessage() + " (after " + maxAttempts + " attempts)", last.status(), last.getCause());
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The subject as one path segment: URLEncoder is for forms, where a space is '+'; in a path that is a '+'. */
  private static String encode(String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
