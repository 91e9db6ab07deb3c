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
 * The catalog shipped in the jar ({@code catalog/landscape-catalog.jsonl}, derived from the CNCF Cloud Native
 * Landscape, see {@code catalog/NOTICE.md}), or one read from a JSON-lines file of the same shape.
 */
public final class BundledCatalog {
  public static final String RESOURCE = "/catalog/landscape-catalog.jsonl";
  private static final ObjectMapper JSON = new ObjectMapper();

  private BundledCatalog() {}

  public static List<CatalogEntry> load() {
    try (InputStream in = BundledCatalog.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("The bundled catalog " + RESOURCE + " is missing from the classpath");
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the bundled catalog", e);
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
