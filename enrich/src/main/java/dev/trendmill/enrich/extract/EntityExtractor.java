package dev.trendmill.enrich.extract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ahocorasick.trie.Emit;
import org.ahocorasick.trie.Trie;

/**
 * Finds catalog entities in article text: every canonical name and alias, case-sensitive, as a whole word (the
 * characters either side are not letters or digits), longest match first where names overlap ("Argo CD" over "Argo").
 * Pure and thread-safe once built.
 *
 * <p>Aho-Corasick (one pass over the text for all names) rather than a regex per name: the cost does not grow with
 * the catalog.
 */
public final class EntityExtractor {
  public static final String VERSION = "dictionary-1";
  /** When one surface form names several entities, the first type here wins. */
  private static final List<String> TYPE_PRIORITY =
      List.of("project", "organization", "product", "technology", "topic", "event", "location", "person");

  private final Trie trie;
  private final Map<String, CatalogEntry> bySurface;

  public EntityExtractor(Collection<CatalogEntry> catalog) {
    Map<String, CatalogEntry> surfaces = new HashMap<>();
    for (CatalogEntry entry : catalog) {
      List<String> names = new ArrayList<>();
      names.add(entry.name());
      names.addAll(entry.aliases());
      for (String surface : names) {
        if (surface == null || surface.strip().length() < 2) {
          continue;
        }
        surfaces.merge(surface.strip(), entry, EntityExtractor::preferred);
      }
    }
    this.bySurface = Map.copyOf(surfaces);
    this.trie = Trie.builder().addKeywords(bySurface.keySet()).build();
  }

  public int size() {
    return bySurface.size();
  }

  /** The entities named in an article, each once, most salient first. */
  public List<ExtractedEntity> extract(String title, String body) {
    Map<String, int[]> counts = new LinkedHashMap<>(); // id -> {mentions, in title}
    Map<String, CatalogEntry> entries = new HashMap<>();
    scan(title == null ? "" : title, true, counts, entries);
    scan(body == null ? "" : body, false, counts, entries);
    List<ExtractedEntity> found = new ArrayList<>(counts.size());
    counts.forEach(
        (id, count) -> {
          CatalogEntry entry = entries.get(id);
          double salience = Math.min(1.0, (count[1] > 0 ? 0.5 : 0.0) + 0.5 * (1 - Math.pow(0.6, count[0] - count[1])));
          found.add(new ExtractedEntity(id, entry.name(), entry.type(), count[0], round(salience), 1.0));
        });
    found.sort(Comparator.comparingDouble(ExtractedEntity::salience).reversed().thenComparing(ExtractedEntity::id));
    return found;
  }

  private void scan(String text, boolean inTitle, Map<String, int[]> counts, Map<String, CatalogEntry> entries) {
    List<Emit> whole = new ArrayList<>();
    for (Emit emit : trie.parseText(text)) {
      if (isWholeWord(text, emit.getStart(), emit.getEnd())) {
        whole.add(emit);
      }
    }
    whole.sort(Comparator.comparingInt(Emit::getStart).thenComparing(Comparator.comparingInt(Emit::size).reversed()));
    int coveredUntil = -1;
    for (Emit emit : whole) {
      if (emit.getStart() <= coveredUntil) {
        continue;
      }
      coveredUntil = emit.getEnd();
      CatalogEntry entry = bySurface.get(emit.getKeyword());
      entries.putIfAbsent(entry.id(), entry);
      int[] count = counts.computeIfAbsent(entry.id(), id -> new int[2]);
      count[0]++;
      if (inTitle) {
        count[1]++;
      }
    }
  }

  /** Emit end is inclusive. */
  private static boolean isWholeWord(String text, int start, int end) {
    return (start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1)))
        && (end + 1 >= text.length() || !Character.isLetterOrDigit(text.charAt(end + 1)));
  }

  private static CatalogEntry preferred(CatalogEntry a, CatalogEntry b) {
    int rankA = rank(a.type());
    int rankB = rank(b.type());
    if (rankA != rankB) {
      return rankA < rankB ? a : b;
    }
    return a.id().compareTo(b.id()) <= 0 ? a : b;
  }

  private static int rank(String type) {
    int index = TYPE_PRIORITY.indexOf(type);
    return index < 0 ? TYPE_PRIORITY.size() : index;
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
