package dev.trendmill.schemas.registry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Picks the registry for a URL: {@code mock://scope} is in memory, anything else the REST client, one per URL. */
public final class SchemaRegistries {
  private static final Map<String, SchemaRegistry> CLIENTS = new ConcurrentHashMap<>();

  private SchemaRegistries() {}

  public static SchemaRegistry forUrl(String url, String userInfo) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("schema.registry.url is not set");
    }
    String first = url.split(",")[0].trim();
    if (first.startsWith("mock://")) {
      return InMemorySchemaRegistry.forScope(first.substring("mock://".length()));
    }
    // One client per URL and credentials, shared by every serde of the process, so caches are shared too.
    return CLIENTS.computeIfAbsent(first + "|" + userInfo, key -> new RestSchemaRegistry(first, userInfo));
  }
}
