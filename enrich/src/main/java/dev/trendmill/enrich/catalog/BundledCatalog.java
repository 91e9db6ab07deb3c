package dev.trendmill.enrich.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trendmill.enrich.extract.CatalogEntry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalog shipped in the jar: {@code catalog/landscape-catalog.jsonl} (derived from the CNCF Cloud Native
 * Landscape, see {@code catalog/NOTICE.md}) merged with {@code catalog/curated.jsonl} (written by us: topics,
 * technologies, events, places, organizations the landscape does not list, and aliases and hints for landscape
 * entities). A curated line whose id is a landscape entity adds its aliases and attributes to it; other curated
 * lines are entities of their own. Or one catalog read from a JSON-lines file of the same shape.
 */
public final class BundledCatalog {
  public static final String RESOURCE = "/catalog/landscape-catalog.jsonl";
  public static final String CURATED_RESOURCE = "/catalog/curated.jsonl";
  private static final ObjectMapper JSON = new ObjectMapper();

  private BundledCatalog() {}

  /** The landscape catalog with the curated entries merged in, sorted by id. */
  public static List<CatalogEntry> load() {
    return merge(resource(RESOURCE), resource(CURATED_RESOURCE));
  }

  /** Adds the curated entries to the generated ones: aliases appended, attributes set, new ids added. */
  public static List<CatalogEntry> merge(List<CatalogEntry> generated, List<CatalogEntry> curated) {
    java.util.Map<String, CatalogEntry> byId = new java.util.TreeMap<>();
    generated.forEach(entry -> byId.put(entry.id(), entry));
    for (CatalogEntry extra : curated) {
      CatalogEntry base = byId.get(extra.id());
      if (base == null) {
        byId.put(extra.id(), extra);
        continue;
      }
      java.util.LinkedHashSet<String> aliases = new java.util.LinkedHashSet<>(base.aliases());
      aliases.addAll(extra.aliases());
      aliases.remove(base.name());
      java.util.Map<String, String> attributes = new java.util.HashMap<>(base.attributes());
      attributes.putAll(extra.attributes());
      byId.put(base.id(), new CatalogEntry(base.id(), base.name(), base.type(), List.copyOf(aliases), attributes));
    }
    return List.copyOf(byId.values());
  }

  private static List<CatalogEntry> resource(String name) {
    try (InputStream in = BundledCatalog.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("The bundled catalog " + name + " is missing from the classpath");
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the bundled catalog " + name, e);
    }
  }

  public static List<CatalogEntry> load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read catalog file " + file, e);
    }
  }

  private static List<CatalogEntry> read(InputStream in) throws IOException {
    List<CatalogEntry> entries = new ArrayList<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    while ((line = reader.readLine()) != null) {
      if (!line.isBlank()) {
        entries.add(JSON.readValue(line, CatalogEntry.class));
      }
    }
    return entries;
  }
}
