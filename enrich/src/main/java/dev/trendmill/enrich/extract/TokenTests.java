package dev.trendmill.enrich.extract;

import java.util.Locale;
import java.util.Set;

/** What the rules for rule-found names ask of a token or a span: is it a name word, is it covered, what it spells. */
final class TokenTests {
  private final NameIndex index;
  private final Lexicon lexicon;

  TokenTests(NameIndex index, Lexicon lexicon) {
    this.index = index;
    this.lexicon = lexicon;
  }

  static boolean allCovered(Field field, int first, int last) {
    for (int t = first; t <= last; t++) {
      if (!field.covered[t]) {
        return false;
      }
    }
    return true;
  }

  /** Words of one name may wrap onto the next line of a paragraph, a quotation or a list item. */
  static boolean softSpace(String between) {
    int newlines = 0;
    for (int i = 0; i < between.length(); i++) {
      char c = between.charAt(i);
      if (c == '\n') {
        newlines++;
      } else if (!(c == ' ' || c == '\t' || (c == '>' && newlines == 1))) {
        return false;
      }
    }
    return newlines <= 1 && !between.isEmpty();
  }

  static String joinWords(Scanner sc, int a, int b) {
    StringBuilder out = new StringBuilder(sc.word(a));
    for (int t = a + 1; t <= b; t++) {
      out.append(softSpace(sc.between(t - 1)) ? " " : sc.between(t - 1)).append(sc.word(t));
    }
    return out.toString();
  }

  boolean candidateWord(Field field, int t) {
    Scanner sc = field.scanner;
    return !field.covered[t]
        && !sc.is(t, Scanner.CODE)
        && sc.is(t, Scanner.UPPER_FIRST)
        && !(sc.is(t, Scanner.ALL_UPPER) && sc.length(t) > 1)
        && isLetters(sc, t);
  }

  static boolean isLetters(Scanner sc, int t) {
    for (int i = sc.start[t]; i < sc.end[t]; i++) {
      if (!Character.isLetter(sc.text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static boolean nameToken(Scanner sc, int t) {
    return !sc.is(t, Scanner.CODE) && sc.is(t, Scanner.UPPER_FIRST) && !(sc.is(t, Scanner.ALL_UPPER) && sc.length(t) > 1)
        && isLetters(sc, t);
  }

  boolean lexiconWord(Scanner sc, int t) {
    return lexicon.isCommonWord(sc.word(t)) || STOP.contains(sc.word(t));
  }

  /** Words that end organisation names, never a person's ("Ada Logics", "Carlos University"). */
  static final Set<String> NOT_SURNAMES =
      Set.of("University", "Labs", "Lab", "Logics", "Foundation", "Group", "Systems", "Technologies", "Technology",
          "Software", "Solutions", "Cloud", "Networks", "Security", "Institute", "College", "Consulting", "Digital",
          "Partners", "Ventures", "Capital", "Media", "Studios", "Research", "Engineering", "Services", "Project");

  /** Capitalised words that start sentences but never names. */
  static final Set<String> STOP =
      Set.of("The", "A", "An", "This", "That", "These", "Those", "It", "Its", "We", "Our", "They", "Their", "He", "She",
          "His", "Her", "In", "On", "At", "For", "With", "And", "But", "Or", "If", "When", "While", "After", "Before",
          "Last", "Next", "Every", "Each", "Some", "Many", "Most", "Both", "All", "Any", "As", "By", "From", "To", "Of",
          "Under", "Over", "Meanwhile", "Today", "Yesterday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
          "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December", "Among", "Anyone", "Users", "Teams", "Customers", "One", "Two", "Three",
          "Speaker", "Analysts", "Competitors", "Buyers", "Operators", "Flights", "Attendees", "Now", "New");

  static String words(Scanner sc, int a, int b) {
    return sc.text.substring(sc.start[a], sc.end[b]);
  }

  /** The catalog name starting at the token, in its case or, when distinctive, in any case; null if none. */
  NameIndex.Name catalogNameAt(Field field, int t) {
    Scanner sc = field.scanner;
    NameIndex.Slot slot = field.slots[t];
    NameIndex.Name name = slot == null ? null : NameIndex.longest(slot, sc, t, false);
    if (name == null) {
      NameIndex.Slot anyCase = index.lookupAnyCase(sc.text, sc.start[t], sc.end[t], sc.lowerHash[t]);
      name = anyCase == null ? null : NameIndex.longest(anyCase, sc, t, true);
    }
    return name;
  }

  /** "theGarageBandOfIT", "observIQ": a lower-case start with capitals inside is a name. */
  static boolean camelName(Field field, int t) {
    Scanner sc = field.scanner;
    if (field.covered[t] || sc.is(t, Scanner.CODE) || sc.is(t, Scanner.UPPER_FIRST) || sc.length(t) < 4) {
      return false;
    }
    String word = sc.word(t);
    return isLetters(sc, t) && !word.equals(word.toLowerCase(Locale.ROOT));
  }
}
