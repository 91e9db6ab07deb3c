package dev.trendmill.ingest.dedup;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Charikar's SimHash over word shingles: 64 bits such that near-identical texts differ in few bits. Texts are lower
 * case, accents and punctuation dropped, split into words; every run of {@link #SHINGLE} words is hashed and votes on
 * each bit. Hand-written: it is twenty lines, and the Java libraries that offer it (e.g. in larger NLP toolkits)
 * would bring far more than they give.
 */
public final class SimHash {
  /** Words per shingle: three keeps word order without letting one changed word touch too many shingles. */
  public static final int SHINGLE = 3;

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  private SimHash() {}

  /** The words of a text, normalized. */
  public static List<String> words(String text) {
    String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("").toLowerCase(Locale.ROOT);
    List<String> words = new ArrayList<>();
    Matcher matcher = WORD.matcher(folded);
    while (matcher.find()) {
      words.add(matcher.group());
    }
    return words;
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
    for (int i = 0; i < count; i++) {
      vote(votes, hash(words.get(i) + ' ' + words.get(i + 1) + ' ' + words.get(i + 2)));
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
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < shingle.length(); i++) {
      h ^= shingle.charAt(i);
      h *= 0x100000001b3L;
    }
    h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
    h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
    return h ^ (h >>> 31);
  }
}
