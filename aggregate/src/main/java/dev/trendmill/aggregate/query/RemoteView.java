package dev.trendmill.aggregate.query;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;

/** Asks another aggregate instance's view for what its own stores hold ({@code local=true} requests). */
public final class RemoteView {
  /** The JSON mapping shared by the view and its remote calls: snake_case, ISO-8601 instants. */
  public static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** The instance's answer, or empty on 404; other failures throw {@link InstanceUnavailableException}. */
  public <T> Optional<T> get(HostInfo host, String pathAndQuery, Class<T> type) {
    String url = "http://" + host.host() + ":" + host.port() + pathAndQuery;
    try {
      HttpResponse<byte[]> response =
          http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() == 404) {
        return Optional.empty();
      }
      if (response.statusCode() != 200) {
        throw new InstanceUnavailableException("Instance " + host + " answered " + response.statusCode() + " to " + pathAndQuery);
      }
      return Optional.of(JSON.readValue(response.body(), type));
    } catch (IOException e) {
      throw new InstanceUnavailableException("Instance " + host + " cannot be reached for " + pathAndQuery + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InstanceUnavailableException("Interrupted while asking " + host);
    }
  }

  /** Another instance holding part of the answer could not give it; the caller answers 503 rather than a partial view. */
  public static final class InstanceUnavailableException extends RuntimeException {
    public InstanceUnavailableException(String message) {
      super(message);
    }
  }
}
