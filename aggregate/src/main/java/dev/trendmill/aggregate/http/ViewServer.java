package dev.trendmill.aggregate.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.trendmill.aggregate.query.TrendQueries;
import dev.trendmill.schemas.runtime.StreamsApp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read-only HTTP view: {@code GET /api/trends}, {@code GET /api/stats}, {@code GET /health}, and the dashboard at {@code /}. Only
 * translates HTTP to {@link TrendQueries} calls and JSON back. The JDK's own HTTP server: a handful of read-only
 * routes need no framework.
 */
public final class ViewServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ViewServer.class);
  private static final int MAX_LIMIT = 1000;

  private final HttpServer server;
  private final ExecutorService executor;
  private final TrendQueries queries;
  private final StreamsApp app;
  private final ObjectMapper json =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

  public ViewServer(String host, int port, TrendQueries queries, StreamsApp app) throws IOException {
    this.queries = queries;
    this.app = app;
    this.server = HttpServer.create(new InetSocketAddress(host, port), 64);
    this.executor = Executors.newFixedThreadPool(4, runnable -> {
      Thread thread = new Thread(runnable, "view-http");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext("/api/trends", exchange -> handle(exchange, this::trends));
    server.createContext("/api/stats", exchange -> handle(exchange, ex -> json(200, queries.stats())));
    server.createContext("/health", exchange -> handle(exchange, this::health));
    server.createContext("/", exchange -> handle(exchange, this::dashboard));
  }

  public ViewServer start() {
    server.start();
    LOG.info("view listening on http://{}:{}/", server.getAddress().getHostString(), port());
    return this;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private record Response(int status, String contentType, byte[] body) {}

  @FunctionalInterface
  private interface Route {
    Response answer(HttpExchange exchange) throws IOException;
  }

  private void handle(HttpExchange exchange, Route route) throws IOException {
    Response response;
    try {
      if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
        response = error(405, "Only GET is supported");
      } else {
        response = route.answer(exchange);
      }
    } catch (IllegalArgumentException e) {
      response = error(400, e.getMessage());
    } catch (InvalidStateStoreException e) {
      response = error(503, "The stores are not ready yet (" + app.state() + "); try again shortly");
    } catch (RuntimeException e) {
      LOG.warn("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
      response = error(500, "Internal error: " + e.getMessage());
    }
    exchange.getResponseHeaders().set("Content-Type", response.contentType());
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(response.body());
    }
  }

  private Response trends(HttpExchange exchange) throws IOException {
    Map<String, String> params = query(exchange);
    String horizon = params.getOrDefault("horizon", TrendQueries.ALL_TIME);
    if (!queries.horizonNames().contains(horizon)) {
      throw new IllegalArgumentException("Unknown horizon '" + horizon + "'; known: " + String.join(", ", queries.horizonNames()));
    }
    int limit = intParam(params, "limit", 20, 1, MAX_LIMIT);
    return json(200, queries.top(horizon, limit));
  }

  private Response health(HttpExchange exchange) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    boolean up = app.isRunning();
    body.put("status", up ? "UP" : "DOWN");
    body.put("streams_state", app.state().name());
    return json(up ? 200 : 503, body);
  }

  private Response dashboard(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    if (!path.equals("/") && !path.equals("/index.html")) {
      return error(404, "No such page: " + path);
    }
    try (InputStream in = ViewServer.class.getResourceAsStream("/dashboard/index.html")) {
      if (in == null) {
        return error(500, "The dashboard is missing from the jar");
      }
      return new Response(200, "text/html; charset=utf-8", in.readAllBytes());
    }
  }

  private Response json(int status, Object body) throws IOException {
    return new Response(status, "application/json", json.writeValueAsBytes(body));
  }

  private Response error(int status, String message) {
    try {
      return json(status, Map.of("error", message, "status", status));
    } catch (IOException e) {
      return new Response(status, "text/plain", message.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static int intParam(Map<String, String> params, String name, int fallback, int min, int max) {
    String value = params.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.strip());
      if (parsed < min || parsed > max) {
        throw new IllegalArgumentException("'" + name + "' must be between " + min + " and " + max + ", got " + parsed);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + name + "' must be a whole number, got '" + value + "'");
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
}
