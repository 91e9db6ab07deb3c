package dev.trendmill.ingest.normalize;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * Control characters removed, whitespace folded (paragraph breaks kept in bodies), then Unicode NFC: normalizing last
 * means a dropped invisible character between a letter and its accent cannot leave them apart, so the result is in
 * NFC and cleaning it again changes nothing.
 */
public final class TextCleaner {
  private TextCleaner() {}

  /** A one-line value (title, author...): all whitespace folded to single spaces; null stays null. */
  public static String cleanLine(String text) {
    if (text == null) {
      return null;
    }
    return dropFoldNormalize(text.replace('\n', ' ').replace('\r', ' ')).strip();
  }

  /** A body: lines trimmed, runs of spaces folded, paragraphs separated by one blank line; null stays null. */
  public static String cleanText(String text) {
    if (text == null) {
      return null;
    }
    String clean = dropFoldNormalize(text.replace("\r\n", "\n").replace('\r', '\n'));
    StringBuilder out = new StringBuilder(clean.length());
    int newlines = 0; // pending line breaks: a run of two or more (blank lines) becomes one blank line
    // Line by line by index, stripped as String.strip does (whitespace is all in the BMP, so chars suffice): splitting
    // into strings and stripping each took another 14%.
    for (int start = 0; start <= clean.length(); ) {
      int end = clean.indexOf('\n', start);
      if (end < 0) {
        end = clean.length();
      }
      int from = start;
      int to = end;
      while (from < to && Character.isWhitespace(clean.charAt(from))) {
        from++;
      }
      while (to > from && Character.isWhitespace(clean.charAt(to - 1))) {
        to--;
      }
      if (from == to) {
        newlines++;
      } else {
        if (!out.isEmpty()) {
          out.append(newlines >= 1 ? "\n\n" : "\n");
        }
        out.append(clean, from, to);
        newlines = 0;
      }
      start = end + 1;
    }
    return out.toString();
  }

  /**
   * Controls dropped, spaces folded, then NFC. Most texts are plain ASCII, which neither step changes: one scan says so.
   * NFC also leaves any ASCII text as it is (its quick check over a whole body was 10% of ingest's stream thread).
   */
  private static String dropFoldNormalize(String text) {
    if (isPlainAscii(text)) {
      return text;
    }
    String folded = dropControlsFoldSpaces(text);
    return isAscii(folded) ? folded : Normalizer.normalize(folded, Normalizer.Form.NFC);
  }

  private static boolean isAscii(String text) {
    // Over a copy: a charAt loop took 5 times as long over a body (3 ns a char).
    return isAscii(text.toCharArray());
  }

  /** True when every character is ASCII (below 0x80). */
  public static boolean isAscii(char[] text) {
    int all = 0; // an OR of every char, one test at the end
    for (char c : text) {
      all |= c;
    }
    return all < 0x80;
  }

  /**
   * Removes control and format characters (but not the whitespace controls tab, line feed, vertical tab and form
   * feed, which separate words, nor the zero-width joiner, which is part of emoji) and folds each run of horizontal
   * spaces to one space. By hand, in one pass: the three regular expressions it replaces were 44% of ingest's CPU.
   */
  private static String dropControlsFoldSpaces(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean inSpaces = false;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (isSpace(c)) {
        if (!inSpaces) {
          out.append(' ');
          inSpaces = true;
        }
      } else if (!isDropped(c)) {
        out.appendCodePoint(c);
        inSpaces = false;
      }
    }
    return out.toString();
  }

  /** ASCII with no control but line feeds, no tab or other space but single spaces: nothing to change. */
  static boolean isPlainAscii(String text) {
    // Over a Latin-1 copy (an array copy for most strings), then one intrinsic search for a double space: a loop over
    // the chars that tracked spaces took 2.5 ns a character, a sixth of ingest's stream thread.
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    for (int i = 0; i < bytes.length; i++) {
      byte c = bytes[i]; // 0x80 and above are negative
      if (c < 0x20) {
        if (c != '\n') {
          return false;
        }
      } else if (c == 0x7F || (c == '?' && text.charAt(i) != '?')) { // a char beyond Latin-1 is encoded as '?'
        return false;
      }
    }
    return text.indexOf("  ") < 0;
  }

  private static boolean isSpace(int c) {
    return c == '\t' || c == 0x0B || c == '\f' || c == ' ' || c == 0x00A0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000;
  }

  private static boolean isDropped(int c) {
    int type = Character.getType(c);
    return (type == Character.CONTROL && c != '\n') || (type == Character.FORMAT && c != 0x200D);
  }
}
