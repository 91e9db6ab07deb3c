package dev.trendmill.ingest.dedup;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Charikar's SimHash over word shingles: 64 bits such that near-identical texts differ in few bits. Texts are lower
 * case, accents and punctuation dropped, split into words; every run of {@link #SHINGLE} words is hashed and votes on
 * each bit. Hand-written: it is twenty lines, and the Java libraries that offer it (e.g. in larger NLP toolkits)
 * would bring far more than they give.
 */
public final class SimHash {
  /** Words per shingle: three keeps word order without letting one changed word touch too many shingles. */
  public static final int SHINGLE = 3;

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private SimHash() {}

  /**
   * The words of a text, normalized: decomposed (NFKD), combining marks dropped, lower case, then every run of letters
   * and digits (Unicode categories L and N). Scanned by hand, with a shortcut for ASCII text, which needs no
   * decomposition: the two regular expressions this replaces were a quarter of ingest's stream thread.
   */
  public static List<String> words(String text) {
    String folded = fold(text);
    List<String> words = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < folded.length(); ) {
      int c = folded.codePointAt(i);
      if (isWordPart(c)) {
        if (start < 0) {
          start = i;
        }
      } else if (start >= 0) {
        words.add(folded.substring(start, i));
        start = -1;
      }
      i += Character.charCount(c);
    }
    if (start >= 0) {
      words.add(folded.substring(start));
    }
    return words;
  }

  private static String fold(String text) {
    if (isAscii(text)) {
      return text.toLowerCase(Locale.ROOT);
    }
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
    StringBuilder unmarked = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); ) {
      int c = decomposed.codePointAt(i);
      int type = Character.getType(c);
      if (type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK && type != Character.COMBINING_SPACING_MARK) {
        unmarked.appendCodePoint(c);
      }
      i += Character.charCount(c);
    }
    return unmarked.toString().toLowerCase(Locale.ROOT);
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private static boolean isWordPart(int c) {
    if (c < 0x80) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    }
    return switch (Character.getType(c)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER, Character.MODIFIER_LETTER,
          Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
      default -> false;
    };
  }

  /** Number of shingles of a text: too few and the fingerprint says little (see {@link NearDuplicates}). */
  public static int shingles(List<String> words) {
    return Math.max(0, words.size() - SHINGLE + 1);
  }

  public static long of(String text) {
    return of(words(text));
  }

  public static long of(List<String> words) {
    int[] votes = new int[64];
    int count = shingles(words);
    if (count == 0 && !words.isEmpty()) {
      vote(votes, hash(String.join(" ", words)));
    }
    if (count > 0) {
      // The hash of "w1 w2 w3" without building it: each word's characters as an array (String.charAt in this loop was
      // 13% of ingest's stream thread), and the state after "w1 " computed once per word.
      char[][] chars = new char[words.size()][];
      long[] afterFirst = new long[words.size()];
      for (int i = 0; i < chars.length; i++) {
        chars[i] = words.get(i).toCharArray();
        afterFirst[i] = fnv(fnv(FNV_OFFSET, chars[i]), ' ');
      }
      for (int i = 0; i < count; i++) {
        vote(votes, mix(fnv(fnv(fnv(afterFirst[i], chars[i + 1]), ' '), chars[i + 2])));
      }
    }
    long fingerprint = 0;
    for (int bit = 0; bit < 64; bit++) {
      if (votes[bit] > 0) {
        fingerprint |= 1L << bit;
      }
    }
    return fingerprint;
  }

  public static int distance(long a, long b) {
    return Long.bitCount(a ^ b);
  }

  private static void vote(int[] votes, long hash) {
    for (int bit = 0; bit < 64; bit++) {
      votes[bit] += ((hash >>> bit) & 1) == 1 ? 1 : -1;
    }
  }

  /** FNV-1a over the UTF-16 units, then the SplitMix64 finalizer so that every input bit reaches every output bit. */
  static long hash(String shingle) {
    return mix(fnv(FNV_OFFSET, shingle));
  }

  private static long fnv(long h, String text) {
    return fnv(h, text.toCharArray());
  }

  private static long fnv(long h, char[] text) {
    for (char c : text) {
      h ^= c;
      h *= FNV_PRIME;
    }
    return h;
  }

  private static long fnv(long h, char c) {
    return (h ^ c) * FNV_PRIME;
  }

  private static long mix(long h) {
    h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
    h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
    return h ^ (h >>> 31);
  }
}
