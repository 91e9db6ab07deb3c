package dev.trendmill.enrich.extract;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One text field of an article (title or body) with what the rules learn about it: its lines, sentences, lead and
 * the spans where names must not be matched (URLs, paths, code). */
final class Field {
  /** Case facts about one line: all in capitals (a shouted heading), or in Title Case. */
  record Line(boolean allCaps, boolean titleCase) {}

  final Scanner scanner;
  final boolean title;
  final int leadEnd;
  final boolean[] covered;
  final NameIndex.Slot[] slots;
  private Map<Integer, Line> lines;

  Field(Scanner scanner, boolean title, int leadEnd) {
    this.scanner = scanner;
    this.title = title;
    this.leadEnd = leadEnd;
    this.covered = new boolean[scanner.count];
    this.slots = new NameIndex.Slot[scanner.count];
  }

  boolean inLead(int token) {
    return !title && scanner.start[token] < leadEnd;
  }

  /** True when the token starts a sentence, a line, a list item or a quotation. */
  boolean sentenceStart(int token) {
    String text = scanner.text;
    int i = scanner.start[token] - 1;
    while (i >= 0) {
      char c = text.charAt(i);
      if (c == '\n') {
        return true;
      }
      if (c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '“' || c == '‘' || c == '(' || c == '['
          || c == '*' || c == '_' || c == '#' || c == '>' || c == '-' || c == '•' || c == '—') {
        i--;
        continue;
      }
      return c == '.' || c == '!' || c == '?' || c == ':' || c == ';';
    }
    return true;
  }

  boolean lineStartBefore(int token) {
    int i = scanner.start[token] - 1;
    while (i >= 0 && (scanner.text.charAt(i) == ' ' || scanner.text.charAt(i) == '*' || scanner.text.charAt(i) == '_')) {
      i--;
    }
    return i < 0 || scanner.text.charAt(i) == '\n';
  }

  Line line(int token) {
    String text = scanner.text;
    int position = scanner.start[token];
    int lineStart = title ? 0 : text.lastIndexOf('\n', position) + 1;
    if (lines == null) {
      lines = new HashMap<>();
    }
    return lines.computeIfAbsent(lineStart, s -> computeLine(s, title ? text.length() : lineEnd(text, position)));
  }

  private static int lineEnd(String text, int position) {
    int end = text.indexOf('\n', position);
    return end < 0 ? text.length() : end;
  }

  private Line computeLine(int lineStart, int lineEnd) {
    int t = scanner.firstTokenAtOrAfter(lineStart);
    int letterWords = 0;
    int upperWords = 0;
    int longWords = 0;
    int capitalisedLong = 0;
    boolean first = true;
    for (; t < scanner.count && scanner.start[t] < lineEnd; t++) {
      if (!scanner.is(t, Scanner.HAS_LETTER)) {
        continue;
      }
      letterWords++;
      if (scanner.is(t, Scanner.ALL_UPPER)) {
        upperWords++;
      }
      if (!first && scanner.length(t) >= 4) {
        longWords++;
        if (scanner.is(t, Scanner.UPPER_FIRST)) {
          capitalisedLong++;
        }
      }
      first = false;
    }
    boolean allCaps = letterWords >= 2 && upperWords == letterWords;
    boolean titleCase = longWords >= 2 && capitalisedLong >= 0.7 * longWords;
    return new Line(allCaps, titleCase);
  }

  /** True when tokens [a, b] sit in a URL, an e-mail address, a file path or a lower-case domain name. */
  boolean masked(int a, int b) {
    String text = scanner.text;
    int s = scanner.start[a];
    while (s > 0 && !Character.isWhitespace(text.charAt(s - 1))) {
      s--;
    }
    int e = scanner.end[b];
    while (e < text.length() && !Character.isWhitespace(text.charAt(e))) {
      e++;
    }
    if (s == scanner.start[a] && e == scanner.end[b]) {
      return false; // plain words
    }
    // Link text is prose: "[Grafana](http://grafana.org/)" and "<a href=...>Grafana</a>" name Grafana.
    int linkEnd = indexOf(text, "](", scanner.end[b], e);
    if (linkEnd >= 0 && inLinkText(text, scanner.start[a])) {
      return false;
    }
    for (int i = scanner.start[a] - 1; i >= s; i--) {
      if (text.charAt(i) == '>') {
        s = i + 1;
        break;
      }
    }
    int tagStart = indexOf(text, "<", scanner.end[b], e);
    if (tagStart >= 0) {
      e = tagStart;
    }
    if (s == scanner.start[a] && e == scanner.end[b]) {
      return false;
    }
    String chunk = stripPunctuation(text.substring(s, e));
    if (chunk.contains("://") || chunk.startsWith("www.") || chunk.contains("@")) {
      return true;
    }
    int slashes = 0;
    for (int i = 0; i < chunk.length(); i++) {
      if (chunk.charAt(i) == '/') {
        slashes++;
      } else if (chunk.charAt(i) == '\\') {
        return true;
      }
    }
    if (slashes > 0) {
      int lastSlash = chunk.lastIndexOf('/');
      if (chunk.startsWith("/") || chunk.startsWith("~") || chunk.startsWith(".") || slashes >= 2
          || chunk.indexOf('.', lastSlash) > 0) {
        return true;
      }
    }
    return isDomain(chunk);
  }

  /** An open "[" before the position, within the paragraph, not closed before it: the start of a link's text. */
  private static boolean inLinkText(String text, int position) {
    for (int i = position - 1; i >= 0 && position - i < LINK_TEXT_MAX; i--) {
      char c = text.charAt(i);
      if (c == '[') {
        return true;
      }
      if (c == ']' || (c == '\n' && i > 0 && text.charAt(i - 1) == '\n')) {
        return false;
      }
    }
    return false;
  }

  private static final int LINK_TEXT_MAX = 300;

  /** The first index of the needle in text[from, to), or -1: a search bounded by the chunk, not the whole text. */
  private static int indexOf(String text, String needle, int from, int to) {
    char first = needle.charAt(0);
    for (int i = from; i + needle.length() <= to; i++) {
      if (text.charAt(i) == first && text.startsWith(needle, i)) {
        return i;
      }
    }
    return -1;
  }

  private static String stripPunctuation(String chunk) {
    int from = 0;
    int to = chunk.length();
    while (from < to && "([\"'“‘<".indexOf(chunk.charAt(from)) >= 0) {
      from++;
    }
    while (to > from && ".,;:!?)]\"'”’>".indexOf(chunk.charAt(to - 1)) >= 0) {
      to--;
    }
    return chunk.substring(from, to);
  }

  private static final Set<String> TLDS =
      Set.of("io", "com", "org", "net", "dev", "cloud", "sh", "ai", "app", "co", "info", "tech", "eu", "de", "uk");

  private static boolean isDomain(String chunk) {
    int dot = chunk.lastIndexOf('.');
    if (dot <= 0 || !chunk.equals(chunk.toLowerCase(Locale.ROOT))) {
      return false;
    }
    return TLDS.contains(chunk.substring(dot + 1));
  }
}
