package dev.trendmill.schemas.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;

/**
 * A registry held in memory, for topology tests: the serdes use it for {@code mock://<scope>} URLs, the same
 * convention as Confluent's serdes, so a test configures serdes exactly as production does, minus the server.
 */
public final class InMemorySchemaRegistry implements SchemaRegistry {
  private static final Map<String, InMemorySchemaRegistry> SCOPES = new ConcurrentHashMap<>();

  private final AtomicInteger nextId = new AtomicInteger(1);
  private final Map<String, Map<Schema, Integer>> subjects = new ConcurrentHashMap<>();
  private final Map<Integer, Schema> byId = new ConcurrentHashMap<>();
  private final Map<Schema, Integer> ids = new ConcurrentHashMap<>();
  private final Map<String, String> compatibility = new ConcurrentHashMap<>();

  /** The registry of one {@code mock://} scope, created on first use. */
  public static InMemorySchemaRegistry forScope(String scope) {
    return SCOPES.computeIfAbsent(scope, key -> new InMemorySchemaRegistry());
  }

  /** Forgets a scope, so the next test starts empty. */
  public static void dropScope(String scope) {
    SCOPES.remove(scope);
  }

  @Override
  public synchronized int register(String subject, Schema schema) {
    int id = ids.computeIfAbsent(schema, key -> nextId.getAndIncrement());
    byId.putIfAbsent(id, schema);
    subjects.computeIfAbsent(subject, key -> new ConcurrentHashMap<>()).put(schema, id);
    return id;
  }

  @Override
  public int idOf(String subject, Schema schema) {
    Integer id = subjects.getOrDefault(subject, Map.of()).get(schema);
    if (id == null) {
      throw new SchemaRegistryException("schema not registered under subject '" + subject + "'", 404, null);
    }
    return id;
  }

  @Override
  public Schema byId(int id) {
    Schema schema = byId.get(id);
    if (schema == null) {
      throw new SchemaRegistryException("no schema with id " + id, 404, null);
    }
    return schema;
  }

  @Override
  public void setCompatibility(String subject, String level) {
    compatibility.put(subject, level);
  }

  /** The compatibility level set on a subject, or null. */
  public String compatibility(String subject) {
    return compatibility.get(subject);
  }

  @Override
  public List<String> subjects() {
    return new ArrayList<>(subjects.keySet());
  }
}
