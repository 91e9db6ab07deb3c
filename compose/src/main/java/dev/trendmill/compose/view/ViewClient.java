package dev.trendmill.compose.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trendmill.compose.embedded.StackException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Reads the aggregate's HTTP view. */
public final class ViewClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final String baseUrl;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  public ViewClient(String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  public JsonNode trends(String horizon, int limit) {
    return trends(horizon, null, limit, null);
  }

  /** A leaderboard; {@code type} and {@code at} may be null. */
  public JsonNode trends(String horizon, String type, int limit, String at) {
    return get("/api/trends?horizon=" + enc(horizon) + "&limit=" + limit + (type == null ? "" : "&type=" + enc(type)) + (at == null ? "" : "&at=" + enc(at)));
  }

  public JsonNode entity(String id) {
    return get("/api/entities/" + enc(id));
  }

  public JsonNode series(String id, String horizon) {
    return get("/api/entities/" + enc(id) + "/series?horizon=" + enc(horizon));
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  public JsonNode stats() {
    return get("/api/stats");
  }

  public JsonNode get(String path) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      JsonNode body = JSON.readTree(response.body());
      if (response.statusCode() != 200) {
        throw new StackException("The view at " + baseUrl + " answered " + response.statusCode() + ": " + body.path("error").asText(response.body()));
      }
      return body;
    } catch (IOException e) {
      throw new StackException("Cannot reach the view at " + baseUrl + " (is `trendmill up` running?): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StackException("Interrupted while reading the view", e);
    }
  }
}
