package dev.trendmill.ingest.normalize;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** Unicode NFC, control characters removed, whitespace folded (paragraph breaks kept in bodies). */
public final class TextCleaner {
  // Whitespace controls (tab, line feed, vertical tab, form feed) are left to SPACES and the line handling, so they
  // separate words instead of joining them.
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t\\x0B\\f]]|[\\p{Cf}&&[^\\u200d]]");
  private static final Pattern SPACES = Pattern.compile("[\\t\\x0B\\f \\u00a0\\u2000-\\u200a\\u202f\\u205f\\u3000]+");
  private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n+");

  private TextCleaner() {}

  /** A one-line value (title, author...): all whitespace folded to single spaces; null stays null. */
  public static String cleanLine(String text) {
    if (text == null) {
      return null;
    }
    String clean = Normalizer.normalize(text.replace('\n', ' ').replace('\r', ' '), Normalizer.Form.NFC);
    return SPACES.matcher(CONTROL.matcher(clean).replaceAll("")).replaceAll(" ").strip();
  }

  /** A body: lines trimmed, runs of spaces folded, paragraphs separated by one blank line; null stays null. */
  public static String cleanText(String text) {
    if (text == null) {
      return null;
    }
    String clean = Normalizer.normalize(text.replace("\r\n", "\n").replace('\r', '\n'), Normalizer.Form.NFC);
    clean = CONTROL.matcher(clean).replaceAll("");
    clean = SPACES.matcher(clean).replaceAll(" ");
    StringBuilder out = new StringBuilder(clean.length());
    for (String line : clean.split("\n", -1)) {
      out.append(line.strip()).append('\n');
    }
    return BLANK_LINES.matcher(out.toString()).replaceAll("\n\n").strip();
  }
}
