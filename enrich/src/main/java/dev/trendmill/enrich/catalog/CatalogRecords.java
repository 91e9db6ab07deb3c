package dev.trendmill.enrich.catalog;

import dev.trendmill.enrich.extract.CatalogEntry;
import dev.trendmill.schemas.avro.CatalogEntity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Converts between the catalog topic's Avro {@code CatalogEntity} and the extractor's {@link CatalogEntry}. */
public final class CatalogRecords {
  private CatalogRecords() {}

  public static CatalogEntity toAvro(CatalogEntry entry) {
    return CatalogEntity.newBuilder()
        .setId(entry.id())
        .setName(entry.name())
        .setType(entry.type())
        .setAliases(List.copyOf(entry.aliases()))
        .setAttributes(new HashMap<>(entry.attributes()))
        .build();
  }

  public static CatalogEntry fromAvro(CatalogEntity entity) {
    Map<String, String> attributes = new HashMap<>();
    entity.getAttributes().forEach((key, value) -> attributes.put(key.toString(), value.toString()));
    return new CatalogEntry(
        entity.getId().toString(),
        entity.getName().toString(),
        entity.getType().toString(),
        entity.getAliases().stream().map(CharSequence::toString).toList(),
        attributes);
  }
}
