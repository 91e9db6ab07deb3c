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

  /** The Linux Foundation's and the Apache Software Foundation's projects (see {@link FoundationCatalogGenerator}). */
  public static final List<String> FOUNDATION_RESOURCES =
      List.of("/catalog/" + FoundationCatalogGenerator.LF_FILE, "/catalog/" + FoundationCatalogGenerator.APACHE_FILE);

  /**
   * The landscape catalog with the curated entries merged in, then the foundations' entities it does not know yet,
   * sorted by id.
   */
  public static List<CatalogEntry> load() {
    List<CatalogEntry> catalog = merge(resource(RESOURCE), resource(CURATED_RESOURCE));
    for (String foundation : FOUNDATION_RESOURCES) {
      catalog = addNew(catalog, resource(foundation));
    }
    return catalog;
  }

  /**
   * Adds the entries of another source that the catalog does not know. An entry is known when its id is, or when
   * one of its names (canonical or alias, compared case-insensitively) is already a name of an entity of the same
   * type; the known entity then also answers to the new entry's names that no other entity has.
   */
  public static List<CatalogEntry> addNew(List<CatalogEntry> catalog, List<CatalogEntry> source) {
    java.util.Map<String, CatalogEntry> byId = new java.util.TreeMap<>();
    java.util.Map<String, String> idByName = new java.util.HashMap<>();
    java.util.Set<String> taken = new java.util.HashSet<>();
    for (CatalogEntry entry : catalog) {
      byId.put(entry.id(), entry);
      for (String name : names(entry)) {
        idByName.putIfAbsent(family(entry) + fold(name), entry.id());
        taken.add(fold(name));
      }
    }
    for (CatalogEntry entry : source) {
      String known = byId.containsKey(entry.id()) ? entry.id() : null;
      for (String name : names(entry)) {
        known = known != null ? known : idByName.get(family(entry) + fold(name));
      }
      if (known == null) {
        List<String> aliases = entry.aliases().stream().filter(a -> !taken.contains(fold(a))).toList();
        if (taken.contains(fold(entry.name()))) {
          continue; // another type of entity already answers to this name
        }
        byId.put(entry.id(), new CatalogEntry(entry.id(), entry.name(), entry.type(), aliases, entry.attributes()));
        names(entry).forEach(name -> taken.add(fold(name)));
        continue;
      }
      CatalogEntry base = byId.get(known);
      java.util.LinkedHashSet<String> aliases = new java.util.LinkedHashSet<>(base.aliases());
      for (String name : names(entry)) {
        if (!taken.contains(fold(name))) {
          aliases.add(name);
          taken.add(fold(name));
        }
      }
      byId.put(known, new CatalogEntry(base.id(), base.name(), base.type(), List.copyOf(aliases), base.attributes()));
    }
    return List.copyOf(byId.values());
  }

  private static List<String> names(CatalogEntry entry) {
    List<String> names = new ArrayList<>(entry.aliases().size() + 1);
    names.add(entry.name());
    names.addAll(entry.aliases());
    return names;
  }

  /** Projects and products are one family: the landscapes list as a product what a foundation calls a project. */
  private static String family(CatalogEntry entry) {
    return (entry.type().equals("product") ? "project" : entry.type()) + ":";
  }

  private static String fold(String name) {
    return name.strip().toLowerCase(java.util.Locale.ROOT);
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
