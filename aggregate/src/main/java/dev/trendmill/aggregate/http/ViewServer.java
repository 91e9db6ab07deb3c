package dev.trendmill.aggregate.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.trendmill.aggregate.query.RemoteView;
import dev.trendmill.aggregate.query.RemoteView.InstanceUnavailableException;
import dev.trendmill.aggregate.query.TrendService;
import dev.trendmill.aggregate.query.Views.Series;
import dev.trendmill.aggregate.score.Horizon;
import dev.trendmill.schemas.ops.HttpEndpoint;
import dev.trendmill.schemas.ops.OpsRoutes;
import dev.trendmill.schemas.ops.Probes;
import dev.trendmill.schemas.runtime.StreamsApp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read-only HTTP view over {@link TrendService}: it only parses parameters, calls the service and writes JSON.
 * The JDK's own HTTP server: a handful of read-only routes need no framework.
 *
 * <pre>
 * GET /api/trends?horizon=&amp;type=&amp;limit=&amp;at=           leaderboard
 * GET /api/entities?q=&amp;limit=                         search by name or alias
 * GET /api/entities/{id}?at=                          catalog data, counts and scores per horizon, latest articles
 * GET /api/entities/{id}/series?horizon=&amp;from=&amp;to=     windowed counts over time
 * GET /api/stats                                      totals and "now"
 * GET /api/horizons                                   the horizons this view knows ("all" first)
 * GET /api/lag                                        lag of the pipeline's consumer groups, per partition
 * GET /health                                         UP when the Kafka Streams state is RUNNING
 * GET /health/live, /health/ready, /metrics           the shared operations routes ({@link OpsRoutes})
 * GET /                                               the dashboard
 * </pre>
 *
 * {@code local=true} on an API request answers from this instance's stores only; other instances use it.
 */
public final class ViewServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ViewServer.class);
  private static final int MAX_LIMIT = 1000;
  private static final int MAX_POINTS = 5000;
  // The Chart.js path carries the webjar's version (chartjs.version in the parent pom).
  private static final Map<String, String> ASSETS =
      Map.of(
          "/assets/chart.umd.js", "/META-INF/resources/webjars/chart.js/4.4.1/dist/chart.umd.js",
          "/assets/dashboard.js", "/dashboard/dashboard.js",
          "/assets/dashboard.css", "/dashboard/dashboard.css");

  private final HttpEndpoint endpoint;
  private final HttpServer server;
  private TrendService service;
  private StreamsApp app;
  private Probes probes;
  private Supplier<Map<String, Object>> lag;

  /** Binds the port (0 picks a free one) without serving yet: the port is this instance's address for the others. */
  public ViewServer(String host, int port) throws IOException {
    this.endpoint = HttpEndpoint.bind("view-http", host, port, 4);
    this.server = endpoint.server();
  }

  /** The operations routes and the lag report to serve too; call before {@link #serve}. Lag may be null (off). */
  public ViewServer withOps(Probes probes, Supplier<Map<String, Object>> lag) {
    this.probes = probes;
    this.lag = lag;
    return this;
  }

  /** Starts answering with {@code service}; health follows {@code app}'s state. */
  public ViewServer serve(TrendService service, StreamsApp app) {
    this.service = service;
    this.app = app;
    server.createContext("/api/trends", exchange -> handle(exchange, this::trends));
    server.createContext("/api/entities", exchange -> handle(exchange, this::entities));
    server.createContext("/api/stats", exchange -> handle(exchange, this::stats));
    server.createContext("/api/horizons", exchange -> handle(exchange, (ex, params) -> json(200, service.horizonNames())));
    server.createContext("/health", exchange -> handle(exchange, this::health));
    server.createContext("/api/lag", exchange -> handle(exchange, this::lag));
    if (probes != null) {
      OpsRoutes.install(server, probes, false);
    }
    server.createContext("/", exchange -> handle(exchange, this::page));
    endpoint.start();
    LOG.info("view listening on http://{}:{}/", endpoint.host(), port());
    return this;
  }

  public int port() {
    return endpoint.port();
  }

  @Override
  public void close() {
    endpoint.close();
  }

  private record Response(int status, String contentType, byte[] body) {}

  @FunctionalInterface
  private interface Route {
    Response answer(HttpExchange exchange, Map<String, String> params) throws IOException;
  }

  private void handle(HttpExchange exchange, Route route) throws IOException {
    Response response;
    try {
      if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
        response = error(405, "Only GET is supported");
      } else {
        response = route.answer(exchange, query(exchange));
      }
    } catch (BadRequest | IllegalArgumentException e) {
      response = error(400, e.getMessage());
    } catch (InvalidStateStoreException e) {
      response = error(503, "The stores are not ready (" + app.state() + "); try again shortly");
    } catch (InstanceUnavailableException e) {
      response = error(503, e.getMessage());
    } catch (RuntimeException e) {
      LOG.warn("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
      response = error(500, "Internal error: " + e);
    }
    exchange.getResponseHeaders().set("Content-Type", response.contentType());
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    boolean head = "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(response.status(), head || response.body().length == 0 ? -1 : response.body().length);
    try (OutputStream out = exchange.getResponseBody()) {
      if (!head) {
        out.write(response.body());
      }
    }
  }

  private Response trends(HttpExchange exchange, Map<String, String> params) throws IOException {
    if (!exchange.getRequestURI().getPath().equals("/api/trends")) {
      return error(404, "No such resource: " + exchange.getRequestURI().getPath());
    }
    String horizon = horizonParam(params, TrendService.ALL_TIME);
    String type = params.get("type");
    if (type != null && (type.isBlank() || type.equals("*") || type.equals("all"))) {
      type = null;
    }
    int limit = intParam(params, "limit", 20, 1, MAX_LIMIT);
    Instant at = instantParam(params, "at");
    if (isLocal(params)) {
      Instant moment = at != null ? at : Instant.now();
      return json(200, service.board(horizon, type, limit, moment, List.of(service.local().top(horizon, type, limit, moment))));
    }
    return json(200, service.top(horizon, type, limit, at));
  }

  private Response entities(HttpExchange exchange, Map<String, String> params) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    String rest = path.substring("/api/entities".length());
    if (rest.isEmpty() || rest.equals("/")) {
      String q = params.get("q");
      if (q == null || q.isBlank()) {
        throw new BadRequest("'q' is required: the text to look for in entity names and aliases");
      }
      int limit = intParam(params, "limit", 20, 1, MAX_LIMIT);
      return json(200, isLocal(params) ? service.local().search(q.strip(), limit) : service.search(q.strip(), limit));
    }
    String[] parts = rest.substring(1).split("/");
    String id = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
    if (parts.length == 1) {
      Instant at = instantParam(params, "at");
      var entity =
          isLocal(params) ? service.local().entity(id, at != null ? at : Instant.now()) : service.entity(id, at);
      return entity.map(view -> json(200, view)).orElseGet(() -> error(404, "Unknown entity: " + id));
    }
    if (parts.length == 2 && parts[1].equals("series")) {
      String horizonName = horizonParam(params, service.horizonNames().get(1));
      if (horizonName.equals(TrendService.ALL_TIME)) {
        throw new BadRequest("A series needs a rolling horizon, one of " + service.horizonNames().subList(1, service.horizonNames().size()));
      }
      Horizon horizon = service.horizon(horizonName).orElseThrow();
      Instant to = instantParam(params, "to");
      if (to == null) {
        to = isLocal(params) ? Instant.now() : service.now();
      }
      Instant from = instantParam(params, "from");
      if (from == null) {
        from = to.minus(horizon.length().multipliedBy(14));
      }
      if (!from.isBefore(to)) {
        throw new BadRequest("'from' must be before 'to'");
      }
      long points = (to.toEpochMilli() - from.toEpochMilli()) / horizon.advance().toMillis();
      if (points > MAX_POINTS) {
        throw new BadRequest("That range holds " + points + " windows of " + horizon.name() + "; at most " + MAX_POINTS + " per request");
      }
      var series = isLocal(params) ? service.local().series(id, horizonName, from, to) : service.series(id, horizonName, from, to);
      return series.map(view -> json(200, (Series) view)).orElseGet(() -> error(404, "Unknown entity: " + id));
    }
    return error(404, "No such resource: " + path);
  }

  private Response stats(HttpExchange exchange, Map<String, String> params) throws IOException {
    return json(200, isLocal(params) ? service.local().stats() : service.stats());
  }

  private Response health(HttpExchange exchange, Map<String, String> params) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    boolean up = app.isRunning();
    body.put("status", up ? "UP" : "DOWN");
    body.put("streams_state", app.state().name());
    return json(up ? 200 : 503, body);
  }

  private Response lag(HttpExchange exchange, Map<String, String> params) {
    if (lag == null) {
      return error(404, "Lag monitoring is off (lag.sample.interval.ms=0)");
    }
    return json(200, lag.get());
  }

  private Response page(HttpExchange exchange, Map<String, String> params) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String resource = path.equals("/") || path.equals("/index.html") ? "/dashboard/index.html" : ASSETS.get(path);
    if (resource == null) {
      return error(404, "No such page: " + path);
    }
    try (InputStream in = ViewServer.class.getResourceAsStream(resource)) {
      if (in == null) {
        return error(500, resource + " is missing from the jar");
      }
      String type =
          resource.endsWith(".js") ? "text/javascript; charset=utf-8" : resource.endsWith(".css") ? "text/css; charset=utf-8" : "text/html; charset=utf-8";
      return new Response(200, type, in.readAllBytes());
    }
  }

  private Response json(int status, Object body) {
    try {
      return new Response(status, "application/json", RemoteView.JSON.writeValueAsBytes(body));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot write JSON", e);
    }
  }

  private Response error(int status, String message) {
    return json(status, Map.of("error", message, "status", status));
  }

  private String horizonParam(Map<String, String> params, String fallback) {
    String horizon = params.getOrDefault("horizon", fallback);
    if (!service.horizonNames().contains(horizon)) {
      throw new BadRequest("Unknown horizon '" + horizon + "'; known: " + String.join(", ", service.horizonNames()));
    }
    return horizon;
  }

  private static boolean isLocal(Map<String, String> params) {
    return "true".equals(params.get("local"));
  }

  static Instant instantParam(Map<String, String> params, String name) {
    String value = params.get(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.strip();
    try {
      if (text.chars().allMatch(Character::isDigit)) {
        return Instant.ofEpochMilli(Long.parseLong(text));
      }
      return Instant.parse(text);
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new BadRequest("'" + name + "' must be an ISO-8601 instant (2026-10-01T12:00:00Z) or epoch millis, got '" + value + "'");
    }
  }

  static int intParam(Map<String, String> params, String name, int fallback, int min, int max) {
    String value = params.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.strip());
      if (parsed < min || parsed > max) {
        throw new BadRequest("'" + name + "' must be between " + min + " and " + max + ", got " + parsed);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new BadRequest("'" + name + "' must be a whole number, got '" + value + "'");
    }
  }

  private static Map<String, String> query(HttpExchange exchange) {
    Map<String, String> params = new HashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw == null) {
      return params;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      String[] parts = pair.split("=", 2);
      params.put(
          URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
          parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
    }
    return params;
  }

  /** A request the client can fix: answered 400 with the reason. */
  static final class BadRequest extends RuntimeException {
    BadRequest(String message) {
      super(message);
    }
  }
}
