package dev.trendmill.enrich.extract;

import java.util.Locale;
import java.util.Set;

/**
 * Organizations the catalog does not know: a person's affiliation ("Jane Doe (Acme)", "Jane Doe of Acme"), a list
 * after a cue ("companies such as A, B and C"), a company suffix or the startup pattern.
 */
final class OrganizationRules {
  private final TokenTests tokens;

  OrganizationRules(TokenTests tokens) {
    this.tokens = tokens;
  }

  /**
   * The organization a person is introduced with: "Jane Doe (Acme)", "Jane Doe of Acme", "Jane Doe from Acme", "Jane
   * Doe at Acme". Returns the last token used.
   */
  int affiliation(Field field, MentionTally article, int last) {
    Scanner sc = field.scanner;
    int first = last + 1;
    if (first >= sc.count) {
      return last;
    }
    String between = sc.between(last);
    boolean parenthesis = between.equals(" (");
    boolean preposition = between.equals(" ") && AFFILIATION.contains(sc.word(first)) && first + 1 < sc.count
        && sc.between(first).equals(" ");
    int from = parenthesis ? first : preposition ? first + 1 : -1;
    if (from < 0 || !(tokens.candidateWord(field, from) || TokenTests.camelName(field, from)) || tokens.lexiconWord(sc, from)
        || tokens.catalogNameAt(field, from) != null) {
      return last;
    }
    int to = from;
    while (to + 1 < sc.count && to - from < 3 && tokens.candidateWord(field, to + 1) && sc.between(to).equals(" ")) {
      to++;
    }
    if (to + 1 < sc.count && DOMAIN_ENDINGS.contains(sc.word(to + 1)) && sc.between(to).equals(".")) {
      to++; // "OSO.sh", "Acme.ai"
    }
    String close = to + 1 < sc.count ? sc.between(to) : sc.text.substring(sc.end[to]);
    if (parenthesis && !close.startsWith(")")) {
      return last;
    }
    if (!field.masked(from, to) && !firstNameStart(field, from, to)) {
      article.unknown("organization", TokenTests.joinWords(sc, from, to), 0.7);
    }
    return to;
  }

  private static final Set<String> DOMAIN_ENDINGS = Set.of("io", "ai", "sh", "dev", "co", "app", "cloud", "tech", "com");

  /**
   * Organizations named in a list after a cue: "friends at A, B and C", "companies such as A, B", "vendors like A",
   * "contributions from folks at A, B", "adopters: A, B". Names the catalog knows keep their entity; the others become
   * organizations.
   */
  void findListedOrganizations(Field field, MentionTally article) {
    Scanner sc = field.scanner;
    for (int k = 1; k + 1 < sc.count; k++) {
      if (sc.is(k, Scanner.CODE) || !sc.is(k + 1, Scanner.HAS_LETTER) || !listCue(sc, k)) {
        continue;
      }
      int t = k + 1;
      if (!sc.between(k).equals(" ") && !sc.between(k).equals(": ")) {
        continue;
      }
      while (t < sc.count) {
        int last = t;
        if (!(tokens.candidateWord(field, t) || TokenTests.camelName(field, t) || field.covered[t])) {
          break;
        }
        while (last + 1 < sc.count && last - t < 3 && TokenTests.softSpace(sc.between(last))
            && (tokens.candidateWord(field, last + 1) || (field.covered[last + 1] && field.covered[last]))) {
          last++;
        }
        if (!TokenTests.allCovered(field, t, last) && !field.masked(t, last) && !(t == last && tokens.lexiconWord(sc, t))) {
          article.unknown("organization", TokenTests.joinWords(sc, t, last), 0.7);
        }
        if (last + 1 >= sc.count) {
          break;
        }
        String separator = sc.between(last).replace('\n', ' ');
        t = last + 1;
        if ((separator.equals(" ") || separator.equals(", ")) && sc.word(t).equals("and") && t + 1 < sc.count
            && TokenTests.softSpace(sc.between(t))) {
          t++; // "A, B and C", "A, B, and C"
        } else if (!LIST_SEPARATORS.contains(separator)) {
          break;
        }
        if (t < sc.count && (sc.word(t).equals("many") || sc.word(t).equals("others") || sc.word(t).equals("more"))) {
          break;
        }
      }
      k = t;
    }
  }

  private static final Set<String> LIST_SEPARATORS = Set.of(", ", " & ", ",  ", " / ");

  private static final Set<String> ORGANIZATION_NOUNS =
      Set.of("companies", "company", "vendors", "friends", "folks", "providers", "adopters", "customers",
          "organizations", "organisations", "partners", "sponsors", "employers", "enterprises", "startups", "firms",
          "operators", "banks", "retailers", "businesses", "brands", "members");

  /** "at", "like", "as" (in "such as") or "including" after an organization noun, or "adopters:". */
  private static final int AT = "at".hashCode();
  private static final int AS = "as".hashCode();
  private static final int LIKE = "like".hashCode();
  private static final int INCLUDING = "including".hashCode();

  private static boolean listCue(Scanner sc, int k) {
    int end = sc.end[k];
    if (end < sc.text.length() && sc.text.charAt(end) == ':') {
      return ORGANIZATION_NOUNS.contains(sc.word(k).toLowerCase(Locale.ROOT)) && sc.between(k).equals(": ");
    }
    int hash = sc.lowerHash[k];
    if (hash != AT && hash != AS && hash != LIKE && hash != INCLUDING) {
      return false; // this runs on every word: an int compare rules most out
    }
    boolean cue = sc.tokenEquals(k, "at", true) || sc.tokenEquals(k, "like", true) || sc.tokenEquals(k, "including", true)
        || (sc.tokenEquals(k, "as", true) && sc.tokenEquals(k - 1, "such", true));
    if (!cue) {
      return false;
    }
    for (int j = Math.max(0, k - 4); j < k; j++) {
      if (ORGANIZATION_NOUNS.contains(sc.word(j).toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /** "Jane Doe & John Roe (Acme)": a list of people is not a company. */
  private static boolean firstNameStart(Field field, int from, int to) {
    return to > from && field.slots[from] != null && field.slots[from].firstName;
  }

  private static final Set<String> AFFILIATION = Set.of("of", "from", "at");

  static boolean startupAfter(Scanner sc, int b) {
    // ", a startup" / ", an Oslo-based startup" / ", the company"
    if (b + 2 >= sc.count || !sc.between(b).startsWith(",")) {
      return false;
    }
    String article = sc.word(b + 1);
    if (!(article.equals("a") || article.equals("an"))) {
      return false;
    }
    for (int k = b + 2; k < Math.min(sc.count, b + 6); k++) {
      String word = sc.word(k).toLowerCase(Locale.ROOT);
      if (word.equals("startup") || (word.equals("start") && k + 1 < sc.count && sc.word(k + 1).equals("up"))) {
        return true;
      }
      if (sc.between(k - 1).contains(",") || sc.between(k - 1).contains(".")) {
        return false;
      }
    }
    return false;
  }

  static boolean startupBefore(Scanner sc, int a) {
    if (a == 0 || !sc.between(a - 1).equals(" ")) {
      return false;
    }
    String previous = sc.word(a - 1).toLowerCase(Locale.ROOT);
    return previous.equals("startup") || (previous.equals("up") && a >= 2 && sc.word(a - 2).equalsIgnoreCase("start"));
  }

  boolean suffix(Field field, int t) {
    NameIndex.Slot slot = field.slots[t];
    return slot != null && slot.companySuffix;
  }
}
