package dev.trendmill.ingest.dedup;

import dev.trendmill.ingest.normalize.TextCleaner;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Charikar's SimHash over word shingles: 64 bits such that near-identical texts differ in few bits. Texts are lower
 * case, accents and punctuation dropped, split into words; every run of {@link #SHINGLE} words is hashed and votes on
 * each bit. A shingle's hash is FNV-1a over the UTF-16 units of its words joined by single spaces, then the SplitMix64
 * finalizer so that every input bit reaches every output bit (a text of fewer words hashes all of them joined).
 * Hand-written: it is twenty lines, and the Java libraries that offer it (e.g. in larger NLP toolkits)
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
    Words words = Words.of(text.toCharArray());
    List<String> list = new ArrayList<>(words.count);
    for (int i = 0; i < words.count; i++) {
      list.add(new String(words.chars, words.starts[i], words.ends[i] - words.starts[i]));
    }
    return list;
  }

  /** The folded text as one array and where each word starts and ends in it: no string per word. */
  private static final class Words {
    final char[] chars;
    int[] starts = new int[64];
    int[] ends = new int[64];
    int count;

    private Words(char[] chars) {
      this.chars = chars;
    }

    /** @param text the text's characters; an ASCII text is lower-cased in place */
    static Words of(char[] text) {
      Words words = new Words(TextCleaner.isAscii(text) ? lowerAscii(text) : fold(new String(text)).toCharArray());
      char[] chars = words.chars;
      int start = -1;
      for (int i = 0; i < chars.length; ) {
        int c = Character.codePointAt(chars, i);
        if (isWordPart(c)) {
          if (start < 0) {
            start = i;
          }
        } else if (start >= 0) {
          words.add(start, i);
          start = -1;
        }
        i += Character.charCount(c);
      }
      if (start >= 0) {
        words.add(start, chars.length);
      }
      return words;
    }

    private void add(int start, int end) {
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count * 2);
        ends = Arrays.copyOf(ends, count * 2);
      }
      starts[count] = start;
      ends[count] = end;
      count++;
    }

    /** FNV-1a of word {@code i}'s characters, continuing from {@code h}. */
    long fnv(long h, int i) {
      for (int k = starts[i]; k < ends[i]; k++) {
        h = (h ^ chars[k]) * FNV_PRIME;
      }
      return h;
    }
  }

  /** A text's fingerprint and its number of words. */
  public record Fingerprint(long bits, int words) {}

  /** ASCII needs no decomposition, and lower case is a bit: done in place, where a String's took two more copies. */
  private static char[] lowerAscii(char[] text) {
    for (int i = 0; i < text.length; i++) {
      char c = text[i];
      if (c >= 'A' && c <= 'Z') {
        text[i] = (char) (c | 0x20);
      }
    }
    return text;
  }

  /** A text beyond ASCII: decomposed, combining marks dropped, lower case. */
  private static String fold(String text) {
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

  public static long of(String text) {
    return fingerprint(text).bits();
  }

  public static Fingerprint fingerprint(String text) {
    return fingerprint(Words.of(text.toCharArray()));
  }

  /** The fingerprint of the title and the body joined by a line break, without building that string. */
  public static Fingerprint fingerprint(String title, String body) {
    char[] text = new char[title.length() + 1 + body.length()];
    title.getChars(0, title.length(), text, 0);
    text[title.length()] = '\n';
    body.getChars(0, body.length(), text, title.length() + 1);
    return fingerprint(Words.of(text));
  }

  private static Fingerprint fingerprint(Words words) {
    BitCounts votes = new BitCounts();
    if (words.count > 0 && words.count < SHINGLE) {
      long h = FNV_OFFSET;
      for (int i = 0; i < words.count; i++) {
        h = words.fnv(i == 0 ? h : fnv(h, ' '), i);
      }
      votes.add(mix(h)); // the hash of the words joined by spaces
    }
    if (words.count >= SHINGLE) {
      // The hash of "w1 w2 w3" without building it, the state after "w1 " computed once per word.
      long[] afterFirst = new long[words.count];
      for (int i = 0; i < words.count; i++) {
        afterFirst[i] = fnv(words.fnv(FNV_OFFSET, i), ' ');
      }
      for (int i = 0; i + SHINGLE <= words.count; i++) {
        votes.add(mix(words.fnv(fnv(words.fnv(afterFirst[i], i + 1), ' '), i + 2)));
      }
    }
    return new Fingerprint(votes.majority(), words.count);
  }

  /**
   * How many of the hashes added have each bit set, kept bit-sliced: {@code planes[j]} holds bit j of all 64 counts,
   * so adding a hash is one ripple-carry addition across the planes (a few steps) instead of 64 counter updates,
   * which were half of the fingerprint's time. A bit of the fingerprint is set when more than half the hashes have it
   * (SimHash's vote: +1 for a set bit, -1 for a clear one, positive sum).
   */
  static final class BitCounts {
    private final long[] planes = new long[Integer.SIZE];
    private int added;

    void add(long hash) {
      long carry = hash;
      for (int j = 0; carry != 0; j++) {
        long plane = planes[j];
        planes[j] = plane ^ carry;
        carry = plane & carry;
      }
      added++;
    }

    long majority() {
      int used = Integer.SIZE - Integer.numberOfLeadingZeros(added);
      long result = 0;
      for (int bit = 0; bit < 64; bit++) {
        long count = 0;
        for (int j = 0; j < used; j++) {
          count |= ((planes[j] >>> bit) & 1) << j;
        }
        if (2 * count > added) {
          result |= 1L << bit;
        }
      }
      return result;
    }
  }

  public static int distance(long a, long b) {
    return Long.bitCount(a ^ b);
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
