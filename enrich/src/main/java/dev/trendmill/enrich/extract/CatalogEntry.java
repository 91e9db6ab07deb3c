package dev.trendmill.enrich.extract;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An entity the extractor knows by name: stable id ({@code <type>:<slug>}), canonical name, type, aliases, and
 * attributes (kept sorted by key, so a written catalog is byte-stable). One per line in {@code catalog/*.jsonl}.
 */
public record CatalogEntry(String id, String name, String type, List<String> aliases, Map<String, String> attributes) {
  public CatalogEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    TreeMap<String, String> sorted = new TreeMap<>();
    if (attributes != null) {
      attributes.forEach((key, value) -> sorted.put(Objects.requireNonNull(key), Objects.requireNonNull(value, key)));
    }
    attributes = Collections.unmodifiableMap(sorted);
  }
}
