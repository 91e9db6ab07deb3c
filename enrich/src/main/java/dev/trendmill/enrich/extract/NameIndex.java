package dev.trendmill.enrich.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every catalog name and alias split into word tokens, indexed by its first token in an open-addressing hash table
 * whose hash is the one the scanner computes while it reads a word, so a lookup allocates nothing. A slot also says
 * whether its word is a given name or a company suffix, so the rules for unknown entities need no second lookup.
 *
 * <p>Hand-written rather than Aho-Corasick over characters: matching whole words from a hash of first tokens reads
 * each character once, needs no word-boundary re-check, and makes possessives and hyphenated compounds fall out of
 * the tokenisation ("Argo's", "Kubernetes-native").
 */
final class NameIndex {
  /** One surface form of an entity: its tokens and the separators between them (whitespace normalised to " "). */
  record Name(Target target, String[] tokens, String[] separators, boolean ambiguous, boolean anyCase, int[] hashes,
      int[] lowerHashes) {
    Name(Target target, String[] tokens, String[] separators, boolean ambiguous, boolean anyCase) {
      this(target, tokens, separators, ambiguous, anyCase, hashes(tokens, false), hashes(tokens, true));
    }

    int length() {
      return tokens.length;
    }

    /** Each token's String hash, as the scanner computes it, so most wrong continuations fail on an int. */
    private static int[] hashes(String[] tokens, boolean lowerCase) {
      int[] out = new int[tokens.length];
      for (int i = 0; i < tokens.length; i++) {
        out[i] = (lowerCase ? tokens[i].toLowerCase(Locale.ROOT) : tokens[i]).hashCode();
      }
      return out;
    }
  }

  /** What a name points to: the entity, its category and owner (for co-mentions), and its context terms. */
  record Target(CatalogEntry entry, String category, String organization, java.util.Set<String> context) {}

  static final class Slot {
    final String key;
    final int hash;
    Name[] names = new Name[0];
    boolean firstName;
    boolean companySuffix;

    Slot(String key) {
      this.key = key;
      this.hash = key.hashCode();
    }
  }

  private final Slot[] table;
  private final Slot[] upperTable;
  private final Slot[] lowerTable;
  /**
   * A bit per hash bucket that some slot's word falls in (one-hash Bloom filters of 16 KB): most words of a text have
   * no slot, and the filter, small enough to stay in cache, says so without touching the large table.
   */
  private static final int FILTER_BITS = 17;
  private final long[] filter = new long[1 << (FILTER_BITS - 6)];
  private final long[] anyCaseFilter = new long[1 << (FILTER_BITS - 6)];
  private final int mask;
  private final int size;

  NameIndex(List<Name> names, Iterable<String> firstNames, Iterable<String> companySuffixes) {
    Map<String, Slot> slots = new HashMap<>();
    Map<String, Slot> upper = new HashMap<>();
    Map<String, List<Name>> byFirst = new HashMap<>();
    Map<String, List<Name>> byUpperFirst = new HashMap<>();
    Map<String, List<Name>> byLowerFirst = new HashMap<>();
    Map<String, Slot> lower = new HashMap<>();
    for (Name name : names) {
      if (name.anyCase()) {
        byLowerFirst.computeIfAbsent(name.tokens()[0].toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(name);
      }
      byFirst.computeIfAbsent(name.tokens()[0], k -> new ArrayList<>()).add(name);
      byUpperFirst.computeIfAbsent(name.tokens()[0].toUpperCase(Locale.ROOT), k -> new ArrayList<>()).add(name);
    }
    Comparator<Name> longestFirst = Comparator.comparingInt(Name::length).reversed();
    byFirst.forEach((token, list) -> {
      list.sort(longestFirst);
      slots.computeIfAbsent(token, Slot::new).names = list.toArray(Name[]::new);
    });
    byUpperFirst.forEach((token, list) -> {
      list.sort(longestFirst);
      upper.computeIfAbsent(token, Slot::new).names = list.toArray(Name[]::new);
    });
    byLowerFirst.forEach((token, list) -> {
      list.sort(longestFirst);
      lower.computeIfAbsent(token, Slot::new).names = list.toArray(Name[]::new);
    });
    firstNames.forEach(n -> slots.computeIfAbsent(n, Slot::new).firstName = true);
    companySuffixes.forEach(s -> slots.computeIfAbsent(s, Slot::new).companySuffix = true);
    this.size = names.size();
    int capacity = Integer.highestOneBit(Math.max(16, Math.max(slots.size(), Math.max(upper.size(), lower.size())) * 4) - 1) << 1;
    this.mask = capacity - 1;
    this.table = fill(slots.values(), capacity);
    this.upperTable = fill(upper.values(), capacity);
    this.lowerTable = fill(lower.values(), capacity);
    lower.values().forEach(slot -> mark(anyCaseFilter, slot.hash));
    slots.values().forEach(slot -> mark(filter, slot.hash));
  }

  private Slot[] fill(Iterable<Slot> slots, int capacity) {
    Slot[] t = new Slot[capacity];
    for (Slot slot : slots) {
      int i = mix(slot.hash) & mask;
      while (t[i] != null) {
        i = (i + 1) & mask;
      }
      t[i] = slot;
    }
    return t;
  }

  int names() {
    return size;
  }

  /** The slot of the word {@code text[start, end)} whose String hash is {@code hash}, or null. */
  Slot lookup(String text, int start, int end, int hash) {
    return marked(filter, hash) ? find(table, text, start, end, hash) : null;
  }

  private static void mark(long[] bits, int hash) {
    int bit = mix(hash) >>> (32 - FILTER_BITS);
    bits[bit >>> 6] |= 1L << bit;
  }

  private static boolean marked(long[] bits, int hash) {
    int bit = mix(hash) >>> (32 - FILTER_BITS);
    return (bits[bit >>> 6] & (1L << bit)) != 0;
  }

  /** The slot whose first token, upper-cased, is the all-capitals word {@code text[start, end)}. */
  Slot lookupUpper(String text, int start, int end, int hash) {
    return find(upperTable, text, start, end, hash);
  }

  /** The slot whose first token, lower-cased, is the word {@code text[start, end)} lower-cased (distinctive names); {@code hash} is the lower-cased word's String hash. */
  Slot lookupAnyCase(String text, int start, int end, int hash) {
    if (!marked(anyCaseFilter, hash)) {
      return null;
    }
    int length = end - start;
    int i = mix(hash) & mask;
    Slot slot;
    while ((slot = lowerTable[i]) != null) {
      if (slot.hash == hash && slot.key.length() == length && text.regionMatches(true, start, slot.key, 0, length)) {
        return slot;
      }
      i = (i + 1) & mask;
    }
    return null;
  }

  private Slot find(Slot[] t, String text, int start, int end, int hash) {
    int length = end - start;
    int i = mix(hash) & mask;
    Slot slot;
    while ((slot = t[i]) != null) {
      if (slot.hash == hash && slot.key.length() == length && text.regionMatches(start, slot.key, 0, length)) {
        return slot;
      }
      i = (i + 1) & mask;
    }
    return null;
  }

  private static int mix(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  /** The longest name of the slot the text spells from token t on (the lookup matched the first; the rest in any case if asked). */
  static Name longest(Slot slot, Scanner sc, int t, boolean ignoreCase) {
    for (Name name : slot.names) {
      int length = name.length();
      if (t + length > sc.count) {
        continue;
      }
      boolean ok = true;
      for (int k = 1; k < length && ok; k++) {
        int hash = ignoreCase ? sc.lowerHash[t + k] : sc.hash[t + k];
        ok = hash == (ignoreCase ? name.lowerHashes()[k] : name.hashes()[k])
            && sc.separatorIs(t + k - 1, name.separators()[k - 1]) && sc.tokenEquals(t + k, name.tokens()[k], ignoreCase)
            && !sc.is(t + k, Scanner.CODE);
      }
      if (ok) {
        return name;
      }
    }
    return null;
  }

  /** Splits a surface form into tokens (runs of letters and digits) and the separators between them; null if none. */
  static Name name(Target target, String surface, boolean ambiguous, boolean anyCase) {
    List<String> tokens = new ArrayList<>();
    List<String> separators = new ArrayList<>();
    int i = 0;
    int n = surface.length();
    StringBuilder sep = new StringBuilder();
    while (i < n) {
      char c = surface.charAt(i);
      if (Scanner.isWordChar(c)) {
        int s = i;
        while (i < n && Scanner.isWordChar(surface.charAt(i))) {
          i++;
        }
        if (!tokens.isEmpty()) {
          separators.add(normalise(sep.toString()));
        }
        sep.setLength(0);
        tokens.add(surface.substring(s, i));
      } else {
        if (!tokens.isEmpty()) {
          sep.append(c);
        }
        i++;
      }
    }
    if (tokens.isEmpty()) {
      return null;
    }
    return new Name(target, tokens.toArray(String[]::new), separators.toArray(String[]::new), ambiguous, anyCase && !ambiguous);
  }

  /** Whitespace runs become one space; other characters are kept. */
  static String normalise(String separator) {
    StringBuilder out = new StringBuilder(separator.length());
    boolean space = false;
    for (int i = 0; i < separator.length(); i++) {
      char c = separator.charAt(i);
      if (Character.isWhitespace(c)) {
        if (!space) {
          out.append(' ');
        }
        space = true;
      } else {
        out.append(c);
        space = false;
      }
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return "NameIndex" + Arrays.asList(size, table.length);
  }
}
