package dev.trendmill.ingest.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.trendmill.ingest.normalize.ArticleParser;
import dev.trendmill.ingest.source.InboxSink;
import dev.trendmill.schemas.ops.HttpEndpoint;
import dev.trendmill.schemas.ops.OpsRoutes;
import dev.trendmill.schemas.ops.Probes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest's HTTP endpoint. {@code POST /articles} (one JSON object, an array, or JSON lines) answers 202 with the
 * ids once every item is on the inbox topic, 400 with the reason per bad item (and sends none of them: a request is
 * all or nothing), 413 beyond the size limit; {@code GET /health/ready} (alias {@code /health}) is 200 when the
 * stream is running with its stores restored, else 503; {@code GET /health/live}; {@code GET /metrics} every metric in
 * Prometheus' text format (the shared {@link OpsRoutes}). Only translates: checking is
 * {@link ArticleSubmission}, sending is the {@link InboxSink}, so accepted articles still go through the one topology
 * (and its dead letters and de-duplication). The JDK's HTTP server: three routes need no framework.
 */
public final class IngestHttpServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IngestHttpServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpEndpoint endpoint;
  private final ArticleParser parser;
  private final InboxSink sink;
  private final int maxRequestBytes;

  public IngestHttpServer(
      String host, int port, int maxRequestBytes, int maxBodyBytes, InboxSink sink, BooleanSupplier healthy, Supplier<String> metrics)
      throws IOException {
    this(host, port, maxRequestBytes, maxBodyBytes, sink, Probes.of(healthy, metrics));
  }

  public IngestHttpServer(String host, int port, int maxRequestBytes, int maxBodyBytes, InboxSink sink, Probes probes) throws IOException {
    this.parser = new ArticleParser(maxBodyBytes);
    this.sink = sink;
    this.maxRequestBytes = maxRequestBytes;
    this.endpoint = HttpEndpoint.bind("ingest-http", host, port, 4);
    endpoint.server().createContext("/articles", this::articles);
    OpsRoutes.install(endpoint.server(), probes, true);
  }

  public IngestHttpServer start() {
    endpoint.start();
    LOG.info("ingest HTTP listening on http://{}:{}/", endpoint.host(), port());
    return this;
  }

  public int port() {
    return endpoint.port();
  }

  @Override
  public void close() {
    endpoint.close();
  }

  private void articles(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("POST")) {
        exchange.getResponseHeaders().set("Allow", "POST");
        send(exchange, 405, error("method-not-allowed", "POST articles here"));
        return;
      }
      String declared = exchange.getRequestHeaders().getFirst("Content-Length");
      byte[] body = declared != null && declared.matches("\\d{1,18}") && Long.parseLong(declared) > maxRequestBytes
          ? null
          : readLimited(exchange.getRequestBody(), maxRequestBytes);
      if (body == null) {
        send(exchange, 413, error("request-too-large", "The request has more than " + maxRequestBytes + " bytes (ingest.http.max.request.bytes)"));
        return;
      }
      List<ArticleSubmission.Item> items = ArticleSubmission.read(body, parser, Instant.now());
      ObjectNode answer = JSON.createObjectNode();
      if (items.stream().anyMatch(item -> !item.valid())) {
        ArrayNode errors = answer.putArray("errors");
        for (ArticleSubmission.Item item : items) {
          if (!item.valid()) {
            errors.addObject().put("index", item.index()).put("reason", item.reason()).put("message", item.message());
          }
        }
        answer.put("accepted", 0);
        send(exchange, 400, answer);
        return;
      }
      try {
        sink.send(items.stream().map(ArticleSubmission.Item::record).toList());
      } catch (Exception e) {
        LOG.warn("could not send {} articles to the inbox", items.size(), e);
        send(exchange, 503, error("inbox-unavailable", "The inbox topic did not take the articles: " + e.getMessage()));
        return;
      }
      answer.put("accepted", items.size());
      ArrayNode ids = answer.putArray("ids");
      items.forEach(item -> ids.add(item.id()));
      send(exchange, 202, answer);
    } catch (RuntimeException e) {
      LOG.warn("POST /articles failed", e);
      send(exchange, 500, error("internal-error", String.valueOf(e.getMessage())));
    }
  }

  /** The body, or null when it is longer than the limit (read no further than the limit). */
  private static byte[] readLimited(InputStream in, int limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    int read;
    while ((read = in.read(buffer)) != -1) {
      if (out.size() + read > limit) {
        return null;
      }
      out.write(buffer, 0, read);
    }
    return out.toByteArray();
  }

  private static ObjectNode error(String reason, String message) {
    ObjectNode node = JSON.createObjectNode();
    node.putArray("errors").addObject().put("reason", reason).put("message", message);
    return node;
  }

  private static void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
