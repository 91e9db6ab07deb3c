package dev.trendmill.enrich.extract;

import java.util.Arrays;

/**
 * One pass over a text: its word tokens (maximal runs of letters and digits) with their String hash, and flags for
 * capitalisation and inline code (between backticks, fenced blocks included). Everything the matcher and the rules
 * need afterwards is read from these arrays and the text, without another pass over the characters.
 */
final class Scanner {
  static final int CODE = 1;
  static final int UPPER_FIRST = 2;
  static final int ALL_UPPER = 4;
  static final int HAS_LETTER = 8;

  private static final boolean[] ASCII_WORD = new boolean[128];

  static {
    for (char c = '0'; c <= '9'; c++) ASCII_WORD[c] = true;
    for (char c = 'a'; c <= 'z'; c++) ASCII_WORD[c] = true;
    for (char c = 'A'; c <= 'Z'; c++) ASCII_WORD[c] = true;
  }

  final String text;
  int count;
  int[] start;
  int[] end;
  int[] hash;
  /** The String hash of each word lower-cased, for names matched in any case. */
  int[] lowerHash;
  byte[] flags;

  Scanner(String text) {
    this.text = text;
    int capacity = Math.max(16, text.length() / 5);
    start = new int[capacity];
    end = new int[capacity];
    hash = new int[capacity];
    lowerHash = new int[capacity];
    flags = new byte[capacity];
    scan();
  }

  static boolean isWordChar(char c) {
    return c < 128 ? ASCII_WORD[c] : Character.isLetterOrDigit(c);
  }

  private void scan() {
    String t = text;
    int n = t.length();
    boolean code = false;
    int i = 0;
    while (i < n) {
      char c = t.charAt(i);
      if (c < 128 ? ASCII_WORD[c] : Character.isLetterOrDigit(c)) {
        int s = i;
        int h = 0;
        int lh = 0;
        boolean lower = false;
        boolean letter = false;
        do {
          h = 31 * h + c;
          if (c < 128) {
            if (c >= 'a') {
              lower = true;
              letter = true;
              lh = 31 * lh + c;
            } else if (c >= 'A') {
              letter = true;
              lh = 31 * lh + (c + 32);
            } else {
              lh = 31 * lh + c;
            }
          } else {
            if (Character.isLetter(c)) {
              letter = true;
              lower |= Character.isLowerCase(c);
            }
            lh = 31 * lh + Character.toLowerCase(c);
          }
          i++;
        } while (i < n && ((c = t.charAt(i)) < 128 ? ASCII_WORD[c] : Character.isLetterOrDigit(c)));
        char first = t.charAt(s);
        int f = code ? CODE : 0;
        if (letter) {
          f |= HAS_LETTER;
          if (!lower) {
            f |= ALL_UPPER;
          }
          if (first < 128 ? (first >= 'A' && first <= 'Z') : Character.isUpperCase(first)) {
            f |= UPPER_FIRST;
          }
        }
        add(s, i, h, lh, f);
      } else {
        if (c == '`') {
          code = !code;
        }
        i++;
      }
    }
  }

  private void add(int s, int e, int h, int lh, int f) {
    if (count == start.length) {
      int capacity = count * 2;
      start = Arrays.copyOf(start, capacity);
      end = Arrays.copyOf(end, capacity);
      hash = Arrays.copyOf(hash, capacity);
      lowerHash = Arrays.copyOf(lowerHash, capacity);
      flags = Arrays.copyOf(flags, capacity);
    }
    start[count] = s;
    end[count] = e;
    hash[count] = h;
    lowerHash[count] = lh;
    flags[count] = (byte) f;
    count++;
  }

  boolean is(int token, int flag) {
    return (flags[token] & flag) != 0;
  }

  String word(int token) {
    return text.substring(start[token], end[token]);
  }

  int length(int token) {
    return end[token] - start[token];
  }

  /** True when the text between tokens a and a+1 equals the separator (whitespace runs read as one space). */
  boolean separatorIs(int a, String separator) {
    int from = end[a];
    int to = start[a + 1];
    int j = 0;
    int m = separator.length();
    int i = from;
    while (i < to) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        if (j >= m || separator.charAt(j) != ' ') {
          return false;
        }
        while (i < to && Character.isWhitespace(text.charAt(i))) {
          if (text.charAt(i) == '\n' && i + 1 < to && text.charAt(i + 1) == '\n') {
            return false; // never across a paragraph break
          }
          i++;
        }
        j++;
      } else {
        if (j >= m || separator.charAt(j) != c) {
          return false;
        }
        i++;
        j++;
      }
    }
    return j == m;
  }

  /** The characters between tokens a and a+1. */
  String between(int a) {
    return text.substring(end[a], start[a + 1]);
  }

  /** True when the token equals the word, optionally ignoring case. */
  boolean tokenEquals(int token, String word, boolean ignoreCase) {
    int length = end[token] - start[token];
    return length == word.length() && text.regionMatches(ignoreCase, start[token], word, 0, length);
  }

  /** The first word that starts at or after the position (a binary search over the words' starts). */
  int firstTokenAtOrAfter(int position) {
    int lo = 0;
    int hi = count;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (start[mid] < position) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
