package dev.trendmill.enrich.extract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the {@link NameIndex} of a catalog: every canonical name and alias, with the rules that make a name
 * ambiguous (wanting evidence) or distinctive (matched in any case), and which entity a surface form two entities
 * share points to.
 */
final class CatalogNames {
  private CatalogNames() {}

  /** The index of every name and alias of the catalog; a surface form two entities share goes to the preferred one. */
  static NameIndex index(Collection<CatalogEntry> catalog, Lexicon lexicon) {
    Map<String, NameIndex.Name> bySurface = new HashMap<>();
    Map<String, CatalogEntry> owners = new HashMap<>();
    for (CatalogEntry entry : catalog) {
      NameIndex.Target target = target(entry);
      List<String> surfaces = new ArrayList<>();
      surfaces.add(entry.name());
      surfaces.addAll(entry.aliases());
      for (String raw : surfaces) {
        String surface = raw == null ? "" : raw.strip();
        if (surface.length() < 2) {
          continue;
        }
        NameIndex.Name name = NameIndex.name(target, surface, ambiguous(lexicon, entry, surface), distinctive(lexicon, surface));
        if (name == null) {
          continue;
        }
        String key = String.join("\u0000", name.tokens()) + "\u0001" + String.join("\u0000", name.separators());
        CatalogEntry previous = owners.get(key);
        if (previous == null || preferred(previous, entry) == entry) {
          owners.put(key, entry);
          bySurface.put(key, name);
        }
      }
    }
    return new NameIndex(new ArrayList<>(bySurface.values()), lexicon.firstNames(), Lexicon.COMPANY_SUFFIXES);
  }

  /** When one surface form names several entities, the first type here wins. */
  private static final List<String> TYPE_PRIORITY =
      List.of("project", "organization", "product", "technology", "topic", "event", "location", "person");

  private static NameIndex.Target target(CatalogEntry entry) {
    Set<String> context = new HashSet<>(Lexicon.GENERAL_CONTEXT);
    String category = entry.attributes().get("category");
    if (category != null) {
      context.addAll(Lexicon.CATEGORY_CONTEXT.getOrDefault(category, Set.of()));
    }
    String extra = entry.attributes().get("context");
    if (extra != null) {
      for (String term : extra.split(",")) {
        if (!term.isBlank()) {
          context.add(term.strip().toLowerCase(Locale.ROOT));
        }
      }
    }
    return new NameIndex.Target(entry, category, entry.attributes().get("organization"), Set.copyOf(context));
  }

  /**
   * A name that can be matched in any case ("kubernetes", "Github", "the apache software foundation"): one of its
   * words is at least four letters long, not in capitals, and not an English word (see {@link Lexicon#isEnglish}).
   */
  static boolean distinctive(Lexicon lexicon, String surface) {
    NameIndex.Name split = NameIndex.name(null, surface, false, false);
    if (split == null) {
      return false;
    }
    for (String token : split.tokens()) {
      boolean capitals = token.equals(token.toUpperCase(Locale.ROOT));
      if (token.length() >= 4 && !capitals && token.chars().allMatch(Character::isLetter) && !lexicon.isEnglish(token)) {
        return true;
      }
    }
    return false;
  }

  /** The ambiguity rule (see the class comment): one word that is common, a given name, short, or curated. */
  static boolean ambiguous(Lexicon lexicon, CatalogEntry entry, String surface) {
    String flag = entry.attributes().get("ambiguous");
    boolean oneWord = surface.chars().allMatch(c -> Scanner.isWordChar((char) c));
    if ("false".equals(flag) || !oneWord) {
      return false;
    }
    if ("true".equals(flag)) {
      return true;
    }
    boolean allCaps = surface.equals(surface.toUpperCase(Locale.ROOT));
    return lexicon.isCommonWord(surface)
        || lexicon.firstNames().contains(surface)
        || (surface.length() <= 3 && !allCaps);
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
}
