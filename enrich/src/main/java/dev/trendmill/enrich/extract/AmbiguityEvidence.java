package dev.trendmill.enrich.extract;

import java.util.Locale;
import java.util.Set;

/** The evidence for one mention of an ambiguous name (see {@link EntityExtractor}'s class comment). */
final class AmbiguityEvidence {
  private AmbiguityEvidence() {}

  private static final int CONTEXT_WINDOW = 10;

    static Evidence of(Field field, NameIndex.Name name, int first, int last, boolean upperMode) {
    Scanner sc = field.scanner;
    int next = last + 1;
    if (next < sc.count && isDigits(sc, next) && sc.length(next) >= 2 && sc.between(last).equals(" ") && !versionAt(sc, next)) {
      return Evidence.REJECT;
    }
    boolean capitalisedName = Character.isUpperCase(name.tokens()[0].charAt(0));
    if (!capitalisedName && next < sc.count && sc.between(last).equals(" ") && sc.tokenEquals(next, "of", false)) {
      return Evidence.REJECT; // "a kind of", "the spin of": the ordinary word
    }
    if (next < sc.count && (sc.between(last).equals(" ") || sc.between(last).equals(", "))) {
      NameIndex.Slot slot = field.slots[next];
      if (slot != null && slot.companySuffix) {
        return Evidence.STRONG;
      }
      if (sc.between(last).equals(" ") && versionAt(sc, next)) {
        return Evidence.STRONG;
      }
    }
    Field.Line line = field.line(first);
    if (!upperMode && capitalisedName && !line.allCaps() && !line.titleCase() && !field.sentenceStart(first)
        && !startsLongerName(field, last)) {
      return Evidence.STRONG;
    }
    if (hasContext(sc, name.target().context(), first, last)) {
      return Evidence.CONTEXT;
    }
    return capitalisedName ? Evidence.WEAK : Evidence.NONE;
  }

  /** "Sidecar Times", "Harbor Freight": the capital belongs to a longer name the catalog does not know. */
  private static boolean startsLongerName(Field field, int last) {
    Scanner sc = field.scanner;
    int next = last + 1;
    return next < sc.count && sc.between(last).equals(" ") && sc.is(next, Scanner.UPPER_FIRST)
        && !sc.is(next, Scanner.ALL_UPPER) && field.slots[next] == null;
  }

  private static boolean isDigits(Scanner sc, int token) {
    for (int i = sc.start[token]; i < sc.end[token]; i++) {
      char c = sc.text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** "2.13", "0.42", "v2", "v1.30": a version number starts at this token. */
  private static boolean versionAt(Scanner sc, int token) {
    String text = sc.text;
    int s = sc.start[token];
    int e = sc.end[token];
    char c = text.charAt(s);
    if ((c == 'v' || c == 'V') && e - s >= 2 && Character.isDigit(text.charAt(s + 1))) {
      return true;
    }
    return isDigits(sc, token) && e + 1 < text.length() && text.charAt(e) == '.' && Character.isDigit(text.charAt(e + 1));
  }

  /** A context term within ten words of the mention, in the same sentence. */
  private static boolean hasContext(Scanner sc, Set<String> context, int first, int last) {
    int from = first;
    while (from > 0 && first - from < CONTEXT_WINDOW && !sentenceBreak(sc.between(from - 1))) {
      from--;
    }
    int to = last;
    while (to + 1 < sc.count && to - last < CONTEXT_WINDOW && !sentenceBreak(sc.between(to))) {
      to++;
    }
    for (int k = from; k <= to; k++) {
      if (k >= first && k <= last) {
        continue;
      }
      int length = sc.length(k);
      if (length < 2 || length > 16) {
        continue;
      }
      String word = sc.word(k).toLowerCase(Locale.ROOT);
      if (context.contains(word)) {
        return true;
      }
      if (k + 1 <= to && (word.equals("open") || word.equals("cloud")) && k + 1 < sc.count) {
        String pair = word + sc.between(k).replace(' ', '-') + sc.word(k + 1).toLowerCase(Locale.ROOT);
        if (context.contains(pair)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Text between two words that ends a sentence: ". ", "! ", "? " or a paragraph break. */
  private static boolean sentenceBreak(String between) {
    return between.contains("\n\n") || between.contains(". ") || between.contains("! ") || between.contains("? ")
        || between.contains(".\n") || between.contains("—");
  }
}
