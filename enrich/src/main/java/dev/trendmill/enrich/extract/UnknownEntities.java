package dev.trendmill.enrich.extract;

import java.util.Locale;

/**
 * Finds the names the catalog does not know, after the catalog names are matched: names a link's target explains,
 * runs of capitalised words that the people and organization rules accept, and the later mentions of each.
 */
final class UnknownEntities {
  private final TokenTests tokens;
  private final PeopleRules people;
  private final OrganizationRules organizations;

  UnknownEntities(TokenTests tokens, PeopleRules people, OrganizationRules organizations) {
    this.tokens = tokens;
    this.people = people;
    this.organizations = organizations;
  }

  /** Names that a link's target explains ({@link LinkEvidence}), unless the catalog already matched them. */
  void findLinked(Field field, MentionTally article) {
    Scanner sc = field.scanner;
    LinkEvidence.forEach(field, link -> {
      for (int t = link.first(); t <= link.last(); t++) {
        if (field.covered[t] || sc.is(t, Scanner.CODE)) {
          return;
        }
      }
      if (link.kind() == LinkEvidence.Kind.PERSON && (tokens.lexiconWord(sc, link.first()) || tokens.lexiconWord(sc, link.last()))) {
        return;
      }
      String type = link.kind().name().toLowerCase(Locale.ROOT);
      article.unknown(type, TokenTests.joinWords(sc, link.first(), link.last()), 0.8);
    });
  }

  void findUnknown(Field field, MentionTally article) {
    Scanner sc = field.scanner;
    int n = sc.count;
    int t = 0;
    while (t < n) {
      if (!tokens.candidateWord(field, t)) {
        t++;
        continue;
      }
      // a run of capitalised words separated by single spaces, stopping before a company suffix
      int end = t;
      while (end + 1 < n && tokens.candidateWord(field, end + 1) && TokenTests.softSpace(sc.between(end)) && !organizations.suffix(field, end + 1)) {
        end++;
      }
      if (end == t && people.nickname(field, t)) {
        // Priyanka "Pinky" Ravi: the person is Priyanka Ravi
        String id = article.unknown("person", sc.word(t) + " " + sc.word(t + 2), 0.8);
        if (id != null) {
          article.count(id, field, t); // its tokens are not next to each other, so no later pass counts this one
        }
        t += 3;
        continue;
      }
      int consumed = runRules(field, article, t, end);
      t = Math.max(consumed, end) + 1;
    }
  }

  /** Applies the organisation and person rules to the run [a, b]; returns the last token used. */
  private int runRules(Field field, MentionTally article, int a, int b) {
    Scanner sc = field.scanner;
    // Drop a leading sentence-start word that is not a name ("The", "Last", "When").
    int from = a;
    while (from <= b && field.sentenceStart(from) && tokens.lexiconWord(sc, from)) {
      from++;
    }
    if (from > b) {
      return b;
    }
    // Organisation by suffix: "Acme Robotics Inc.", "Acme Robotics, Inc.", "Globex GmbH".
    int next = b + 1;
    if (next < sc.count && organizations.suffix(field, next) && (sc.between(b).equals(" ") || sc.between(b).equals(", "))
        && b - from < 4 && !field.masked(from, next)) {
      article.unknown("organization", TokenTests.words(sc, from, b), 0.75);
      return next;
    }
    // Organisation by startup pattern: "Quietbeam, a startup", "startup Quietbeam".
    if (b - from < 3 && !field.masked(from, b) && (OrganizationRules.startupAfter(sc, b) || OrganizationRules.startupBefore(sc, from))) {
      article.unknown("organization", TokenTests.words(sc, from, b), 0.65);
      return b;
    }
    // People.
    for (int p = from; p < b; p++) {
      int last = p + 1;
      if (p + 2 == b && b - from == 2 && p == from) {
        last = b; // exactly three capitalised words: a three-part name
      }
      boolean given = field.slots[p] != null && field.slots[p].firstName;
      boolean cue = people.personCue(field, p, last);
      if (!(given || (cue && p == from && b - from <= 2)) || (given && !cue && p > from && people.insideLongerName(field, p))) {
        continue;
      }
      if ((tokens.lexiconWord(sc, last) && !(given && cue)) || field.masked(p, last) || (!given && tokens.lexiconWord(sc, p))
          || sc.length(p) < 2 || sc.length(last) < 2 || TokenTests.NOT_SURNAMES.contains(sc.word(last))) {
        continue;
      }
      Field.Line line = field.line(p);
      if (!given && line.allCaps()) {
        continue;
      }
      double confidence = given && cue ? 0.85 : given ? 0.7 : 0.65;
      article.unknown("person", TokenTests.joinWords(sc, p, last), confidence);
      return organizations.affiliation(field, article, last);
    }
    return b;
  }

  void countUnknown(Field field, MentionTally article) {
    Scanner sc = field.scanner;
    for (MentionTally.Unknown unknown : article.unknown.values()) {
      String[] words = unknown.tokens();
      int firstHash = words[0].hashCode();
      for (int t = 0; t + words.length <= sc.count; t++) {
        if (sc.hash[t] != firstHash || field.covered[t] || sc.is(t, Scanner.CODE) || !sc.tokenEquals(t, words[0], false)) {
          continue;
        }
        boolean ok = true;
        for (int k = 1; k < words.length && ok; k++) {
          ok = sc.tokenEquals(t + k, words[k], false) && !sc.between(t + k - 1).contains("\n\n");
        }
        if (ok && !field.masked(t, t + words.length - 1)) {
          article.count(unknown.id(), field, t);
          t += words.length - 1;
        }
      }
    }
  }
}
