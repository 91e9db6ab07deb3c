package dev.trendmill.schemas.registry;

import org.apache.avro.Schema;

/**
 * The part of the Confluent Schema Registry API that the serdes need: register a schema under a subject, find a
 * schema by id, set a subject's compatibility. Implementations cache, so calls on the hot path are map lookups.
 */
public interface SchemaRegistry {

  /** Registers {@code schema} under {@code subject} (or finds it there) and returns its global id. */
  int register(String subject, Schema schema);

  /** Looks up the id {@code schema} already has under {@code subject}, without registering it. */
  int idOf(String subject, Schema schema);

  /** The schema with the given global id. */
  Schema byId(int id);

  /** Sets the compatibility level (e.g. {@code BACKWARD}) of one subject. */
  void setCompatibility(String subject, String level);

  /** The subjects the registry holds. */
  java.util.List<String> subjects();
}
