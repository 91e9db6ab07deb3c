package dev.trendmill.schemas.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The operations routes every service serves, added to its HTTP server: {@code GET /metrics} (Prometheus text),
 * {@code GET /health/live} and {@code GET /health/ready} (200 UP or 503 DOWN, JSON with details), and optionally
 * {@code GET /health} as an alias of ready. Only translates {@link Probes}.
 */
public final class OpsRoutes {
  private static final ObjectMapper JSON = new ObjectMapper();
  public static final String PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private OpsRoutes() {}

  public static void install(HttpServer server, Probes probes, boolean healthAlias) {
    server.createContext("/metrics", exchange -> metrics(exchange, probes));
    server.createContext("/health/live", exchange -> health(exchange, probes.live()));
    server.createContext("/health/ready", exchange -> health(exchange, probes.ready()));
    if (healthAlias) {
      server.createContext("/health", exchange -> health(exchange, probes.ready()));
    }
  }

  private static void metrics(HttpExchange exchange, Probes probes) throws IOException {
    try (exchange) {
      byte[] text;
      int status = 200;
      try {
        text = probes.metrics().getBytes(StandardCharsets.UTF_8);
      } catch (RuntimeException e) {
        status = 500;
        text = ("# metrics failed: " + e + "\n").getBytes(StandardCharsets.UTF_8);
      }
      exchange.getResponseHeaders().set("Content-Type", PROMETHEUS_CONTENT_TYPE);
      write(exchange, status, text);
    }
  }

  private static void health(HttpExchange exchange, Probes.Health health) throws IOException {
    try (exchange) {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      write(exchange, health.up() ? 200 : 503, JSON.writeValueAsBytes(health.body()));
    }
  }

  private static void write(HttpExchange exchange, int status, byte[] body) throws IOException {
    boolean head = "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
