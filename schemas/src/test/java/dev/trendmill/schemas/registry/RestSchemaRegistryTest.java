package dev.trendmill.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The REST registry client against a stand-in registry on a real local HTTP server speaking the Confluent REST API:
 * what goes over the wire (paths, subject encoding, auth), what is cached (so the hot path makes no calls), and how
 * failures behave (bounded retries on 5xx/429 and refused connections, none on 4xx, messages that say where it
 * failed).
 */
@Timeout(30)
final class RestSchemaRegistryTest {
  private static final Schema ARTICLE =
      SchemaBuilder.record("Article").namespace("t").fields().requiredString("id").requiredString("title").endRecord();
  private static final Schema ENTITY =
      SchemaBuilder.record("Entity").namespace("t").fields().requiredString("id").optionalString("name").endRecord();

  private StandInRegistry server;

  @BeforeEach
  void start() throws IOException {
    server = new StandInRegistry();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private RestSchemaRegistry client(String userInfo) {
    return new RestSchemaRegistry(server.url(), userInfo, 3, Duration.ofMillis(1), Duration.ofSeconds(2));
  }

  @Test
  void registerReturnsTheIdTheRegistryAssignedAndCachesIt() {
    RestSchemaRegistry client = client(null);
    server.register("other-value", ENTITY.toString()); // so the id is not 1 by accident

    int id = client.register("articles-value", ARTICLE);
    int again = client.register("articles-value", ARTICLE);

    assertThat(id).isEqualTo(server.idOf(ARTICLE.toString())).isNotEqualTo(1);
    assertThat(again).isEqualTo(id);
    assertThat(server.requests).hasSize(1);
    StandInRegistry.Request request = server.requests.getFirst();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/apis/ccompat/v7/subjects/articles-value/versions");
    assertThat(request.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
    assertThat(new Schema.Parser().parse(json(request.body()).path("schema").asText())).isEqualTo(ARTICLE);

    // What was registered is known by id and by subject without asking again.
    assertThat(client.byId(id)).isEqualTo(ARTICLE);
    assertThat(client.idOf("articles-value", ARTICLE)).isEqualTo(id);
    assertThat(server.requests).hasSize(1);
  }

  @Test
  void theCacheIsPerSubject() {
    RestSchemaRegistry client = client(null);

    client.register("articles-value", ARTICLE);
    client.register("archive-value", ARTICLE);

    assertThat(server.requests).extracting(StandInRegistry.Request::path)
        .containsExactly(
            "/apis/ccompat/v7/subjects/articles-value/versions", "/apis/ccompat/v7/subjects/archive-value/versions");
  }

  @Test
  void byIdParsesTheSchemaAndCachesIt() {
    int id = server.register("articles-value", ARTICLE.toString());
    RestSchemaRegistry client = client(null);

    Schema schema = client.byId(id);
    Schema again = client.byId(id);

    assertThat(schema).isEqualTo(ARTICLE);
    assertThat(again).isSameAs(schema);
    assertThat(server.requests).extracting(StandInRegistry.Request::method, StandInRegistry.Request::path)
        .containsExactly(tuple("GET", "/apis/ccompat/v7/schemas/ids/" + id));
  }

  @Test
  void anUnknownIdIsA404NotRetried() {
    RestSchemaRegistry client = client(null);

    assertThatThrownBy(() -> client.byId(77))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(404))
        .hasMessageContaining("schema id 77")
        .hasMessageContaining(server.url() + "/schemas/ids/77");
    assertThat(server.requests).hasSize(1);
  }

  @Test
  void idOfLooksUpWithoutRegistering() {
    int id = server.register("articles-value", ARTICLE.toString());
    RestSchemaRegistry client = client(null);

    assertThat(client.idOf("articles-value", ARTICLE)).isEqualTo(id);
    assertThat(client.idOf("articles-value", ARTICLE)).isEqualTo(id);
    assertThatThrownBy(() -> client.idOf("articles-value", ENTITY))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(404))
        .hasMessageContaining("articles-value");

    assertThat(server.requests).extracting(StandInRegistry.Request::method).containsOnly("POST");
    assertThat(server.requests).extracting(StandInRegistry.Request::path)
        .containsExactly("/apis/ccompat/v7/subjects/articles-value", "/apis/ccompat/v7/subjects/articles-value");
    assertThat(server.subjectsWith(ENTITY.toString())).as("a lookup registers nothing").isEmpty();
  }

  @Test
  void setCompatibilityPutsTheLevelOnTheSubject() {
    client(null).setCompatibility("articles-value", "BACKWARD");

    assertThat(server.compatibility).containsEntry("articles-value", "BACKWARD");
    StandInRegistry.Request request = server.requests.getFirst();
    assertThat(request.method()).isEqualTo("PUT");
    assertThat(request.path()).isEqualTo("/apis/ccompat/v7/config/articles-value");
    assertThat(request.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
  }

  @Test
  void setCompatibilityLosingARaceToCreateTheRuleSetsItAgain() {
    server.failNext(409); // Apicurio's answer to the second of two clients creating a subject's rule at once

    client(null).setCompatibility("articles-value", "BACKWARD");

    assertThat(server.compatibility).containsEntry("articles-value", "BACKWARD");
    assertThat(server.requests).hasSize(2).extracting(StandInRegistry.Request::method).containsOnly("PUT");
  }

  @Test
  void subjectsListsWhatTheRegistryHolds() {
    server.register("articles-value", ARTICLE.toString());
    server.register("entities.catalog-value", ENTITY.toString());

    assertThat(client(null).subjects()).containsExactlyInAnyOrder("articles-value", "entities.catalog-value");
  }

  @Test
  void basicAuthIsSentWhenUserInfoIsGiven() {
    client("svc-user:pa:ss wörd").subjects();

    String authorization = server.requests.getFirst().authorization();
    assertThat(authorization).startsWith("Basic ");
    assertThat(new String(Base64.getDecoder().decode(authorization.substring("Basic ".length())), StandardCharsets.UTF_8))
        .isEqualTo("svc-user:pa:ss wörd");
  }

  @Test
  void noAuthorizationHeaderWithoutUserInfo() {
    client(null).subjects();
    client("  ").subjects();

    assertThat(server.requests).hasSize(2).extracting(StandInRegistry.Request::authorization).containsOnlyNulls();
  }

  @Test
  void unavailableAnswersAreRetriedUntilOneSucceeds() {
    server.failNext(503, 503);
    RestSchemaRegistry client = client(null);

    int id = client.register("articles-value", ARTICLE);

    assertThat(id).isEqualTo(server.idOf(ARTICLE.toString()));
    assertThat(server.requests).hasSize(3).extracting(StandInRegistry.Request::path).containsOnly(
        "/apis/ccompat/v7/subjects/articles-value/versions");
  }

  @Test
  void tooManyRequestsIsRetried() {
    server.failNext(429);

    assertThat(client(null).subjects()).isEmpty();
    assertThat(server.requests).hasSize(2);
  }

  @Test
  void serverErrorsFailAfterTheBoundedAttempts() {
    server.failNext(500, 500, 500, 500, 500);

    assertThatThrownBy(() -> client(null).register("articles-value", ARTICLE))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(500))
        .hasMessageContaining("articles-value")
        .hasMessageContaining("HTTP 500")
        .hasMessageContaining("after 3 attempts");
    assertThat(server.requests).hasSize(3);
  }

  @Test
  void aConflictIsNotRetriedAndSaysWhatWhereAndWhy() {
    server.failNext(409);

    assertThatThrownBy(() -> client(null).register("articles-value", ARTICLE))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(409))
        .hasMessageContaining("'articles-value'")
        .hasMessageContaining(server.url() + "/subjects/articles-value/versions")
        .hasMessageContaining("409")
        .hasMessageContaining("stand-in says 409"); // the registry's own explanation is kept
    assertThat(server.requests).hasSize(1);
  }

  @Test
  void aRefusedConnectionFailsAfterTheBoundedAttemptsNamingTheUrl() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + closedPort;
    RestSchemaRegistry client = new RestSchemaRegistry(url, null, 3, Duration.ofMillis(1), Duration.ofSeconds(2));

    assertThatThrownBy(() -> client.register("articles-value", ARTICLE))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(-1))
        .hasMessageContaining(url + "/subjects/articles-value/versions")
        .hasMessageContaining("after 3 attempts")
        .hasCauseInstanceOf(ConnectException.class);
  }

  @Test
  void aTrailingSlashOnTheBaseUrlIsIgnored() {
    RestSchemaRegistry client =
        new RestSchemaRegistry(server.url() + "/", null, 1, Duration.ofMillis(1), Duration.ofSeconds(2));

    client.subjects();

    assertThat(client.baseUrl()).isEqualTo(server.url());
    assertThat(server.requests.getFirst().path()).isEqualTo("/apis/ccompat/v7/subjects");
  }

  @Test
  void theSubjectIsEncodedAsOnePathSegment() {
    String subject = "team a/articles+ü-value";
    RestSchemaRegistry client = client(null);

    int id = client.register(subject, ARTICLE);
    client.setCompatibility(subject, "BACKWARD");

    assertThat(server.subjectsWith(ARTICLE.toString())).containsExactly(subject);
    assertThat(server.compatibility).containsOnlyKeys(subject);
    assertThat(id).isEqualTo(server.idOf(ARTICLE.toString()));
    assertThat(server.requests)
        .extracting(StandInRegistry.Request::rawPath)
        .allSatisfy(raw -> assertThat(raw).doesNotContain(" ").doesNotContain("team a/"));
  }

  private static JsonNode json(String text) {
    try {
      return new ObjectMapper().readTree(text);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }

  /**
   * A stand-in for a Confluent-compatible registry under {@code /apis/ccompat/v7} (as Apicurio serves it): the calls
   * the client makes, a log of every request, and failures on demand.
   */
  private static final class StandInRegistry implements AutoCloseable {
    private static final String BASE = "/apis/ccompat/v7";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Request(String method, String rawPath, String path, String authorization, String contentType, String body) {}

    final List<Request> requests = new CopyOnWriteArrayList<>();
    final Map<String, String> compatibility = new ConcurrentHashMap<>();
    private final Deque<Integer> failures = new ConcurrentLinkedDeque<>();
    private final Map<String, Integer> ids = new LinkedHashMap<>();
    private final Map<String, List<String>> subjects = new LinkedHashMap<>();
    private final HttpServer http;

    StandInRegistry() throws IOException {
      http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      http.createContext("/", this::handle);
      http.start();
    }

    String url() {
      return "http://127.0.0.1:" + http.getAddress().getPort() + BASE;
    }

    /** The next calls answer with these statuses, one each, before the registry answers normally again. */
    void failNext(int... statuses) {
      for (int status : statuses) {
        failures.add(status);
      }
    }

    synchronized int register(String subject, String schema) {
      int id = ids.computeIfAbsent(schema, key -> ids.size() + 1);
      List<String> versions = subjects.computeIfAbsent(subject, key -> new ArrayList<>());
      if (!versions.contains(schema)) {
        versions.add(schema);
      }
      return id;
    }

    synchronized int idOf(String schema) {
      return ids.get(schema);
    }

    synchronized List<String> subjectsWith(String schema) {
      return subjects.entrySet().stream().filter(e -> e.getValue().contains(schema)).map(Map.Entry::getKey).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
      try (exchange) {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
          body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String rawPath = exchange.getRequestURI().getRawPath();
        requests.add(
            new Request(
                exchange.getRequestMethod(),
                rawPath,
                exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                body));
        Integer failure = failures.poll();
        if (failure != null) {
          respond(exchange, failure, error(failure, "stand-in says " + failure));
          return;
        }
        route(exchange, rawPath, body);
      }
    }

    private synchronized void route(HttpExchange exchange, String rawPath, String body) throws IOException {
      if (!rawPath.startsWith(BASE + "/")) {
        respond(exchange, 404, error(404, "no such path"));
        return;
      }
      // Split the raw path first, then decode each segment, so an encoded '/' stays inside its segment.
      String[] segments = rawPath.substring(BASE.length() + 1).split("/", -1);
      for (int i = 0; i < segments.length; i++) {
        segments[i] = URI.create("/" + segments[i]).getPath().substring(1);
      }
      String method = exchange.getRequestMethod();
      if (method.equals("POST") && segments.length == 3 && segments[0].equals("subjects") && segments[2].equals("versions")) {
        int id = register(segments[1], JSON.readTree(body).path("schema").asText());
        respond(exchange, 200, JSON.createObjectNode().put("id", id));
      } else if (method.equals("POST") && segments.length == 2 && segments[0].equals("subjects")) {
        String schema = JSON.readTree(body).path("schema").asText();
        List<String> versions = subjects.getOrDefault(segments[1], List.of());
        if (versions.contains(schema)) {
          respond(
              exchange,
              200,
              JSON.createObjectNode()
                  .put("subject", segments[1])
                  .put("version", versions.indexOf(schema) + 1)
                  .put("id", ids.get(schema))
                  .put("schema", schema));
        } else {
          respond(exchange, 404, error(40403, "Schema not found"));
        }
      } else if (method.equals("GET") && segments.length == 3 && segments[0].equals("schemas") && segments[1].equals("ids")) {
        int id = Integer.parseInt(segments[2]);
        String schema = ids.entrySet().stream().filter(e -> e.getValue() == id).map(Map.Entry::getKey).findFirst().orElse(null);
        if (schema == null) {
          respond(exchange, 404, error(40403, "Schema " + id + " not found"));
        } else {
          respond(exchange, 200, JSON.createObjectNode().put("schema", schema));
        }
      } else if (method.equals("PUT") && segments.length == 2 && segments[0].equals("config")) {
        String level = JSON.readTree(body).path("compatibility").asText();
        compatibility.put(segments[1], level);
        respond(exchange, 200, JSON.createObjectNode().put("compatibility", level));
      } else if (method.equals("GET") && segments.length == 1 && segments[0].equals("subjects")) {
        respond(exchange, 200, JSON.valueToTree(new ArrayList<>(subjects.keySet())));
      } else {
        respond(exchange, 404, error(404, "no route for " + method + " " + rawPath));
      }
    }

    private static JsonNode error(int code, String message) {
      return JSON.createObjectNode().put("error_code", code).put("message", message);
    }

    private static void respond(HttpExchange exchange, int status, JsonNode answer) throws IOException {
      byte[] bytes = answer.toString().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/vnd.schemaregistry.v1+json");
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }

    @Override
    public void close() {
      http.stop(0);
    }
  }
}
