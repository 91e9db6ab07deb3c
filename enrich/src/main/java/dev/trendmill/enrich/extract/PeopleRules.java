package dev.trendmill.enrich.extract;

import java.util.Locale;
import java.util.Set;

/**
 * People the catalog does not know: a given name and a capitalised surname (before catalog names, so "Austin Parker"
 * is a person, not Austin), the other name of a pair of people, a quoted nickname, and the cues around a name.
 */
final class PeopleRules {
  private final Lexicon lexicon;
  private final TokenTests tokens;
  private final OrganizationRules organizations;

  PeopleRules(Lexicon lexicon, TokenTests tokens, OrganizationRules organizations) {
    this.lexicon = lexicon;
    this.tokens = tokens;
    this.organizations = organizations;
  }

  /**
   * People before catalog names: a given name and a capitalised surname are a person even when a word of theirs is a
   * place or a catalog name ("Austin Parker", "Andrew Block"); a surname that is a common word needs a cue as well.
   */
  void findPeopleFirst(Field field, MentionTally article) {
    Scanner sc = field.scanner;
    boolean[] people = new boolean[sc.count];
    for (int t = 0; t + 1 < sc.count; t++) {
      NameIndex.Slot slot = field.slots[t];
      if (slot == null || !slot.firstName || !TokenTests.nameToken(sc, t) || TokenTests.STOP.contains(sc.word(t))) {
        continue; // the slot first: it is already looked up, and most words are no given name
      }
      int last = t + 1;
      if (!TokenTests.softSpace(sc.between(t)) || !TokenTests.nameToken(sc, last)
          || TokenTests.STOP.contains(sc.word(last)) || TokenTests.NOT_SURNAMES.contains(sc.word(last)) || sc.length(last) < 2) {
        continue;
      }
      if (last + 1 < sc.count && TokenTests.softSpace(sc.between(last)) && TokenTests.nameToken(sc, last + 1) && TokenTests.NOT_SURNAMES.contains(sc.word(last + 1))) {
        continue; // "Grace Hopper Institute": an organization's name
      }
      if (insideLongerName(field, t) || (namesSoftware(slot) && lexicon.isEnglish(sc.word(last)))) {
        continue; // "San Francisco", "Thanos Sidecar"
      }
      NameIndex.Slot middle = field.slots[last];
      if (middle != null && middle.firstName && last + 1 < sc.count && TokenTests.softSpace(sc.between(last))
          && TokenTests.nameToken(sc, last + 1) && !TokenTests.STOP.contains(sc.word(last + 1)) && !lexicon.isEnglish(sc.word(last + 1))) {
        last++; // "Max Jonas Werner", "Daniel Ben Yosef"
      }
      if ((lexicon.isCommonWord(sc.word(last)) && !personCue(field, t, last)) || field.masked(t, last)) {
        continue;
      }
      person(field, article, t, last, personCue(field, t, last) ? 0.85 : 0.7, people);
      t = organizations.affiliation(field, article, last);
    }
    // "Jane Doe & Raj Patel (Acme)", "Jane Doe and Raj Patel": the other name of a pair of people is a person too
    for (int t = 0; t + 1 < sc.count; t++) {
      int last = t + 1;
      boolean nextToPerson = (t > 0 && people[t - 1]) || (last + 1 < sc.count && people[last + 1]);
      if (!nextToPerson || field.covered[t] || field.covered[last] || !TokenTests.nameToken(sc, t) || !TokenTests.nameToken(sc, last)
          || !sc.between(t).equals(" ") || TokenTests.STOP.contains(sc.word(t)) || lexicon.isEnglish(sc.word(t))
          || lexicon.isEnglish(sc.word(last)) || TokenTests.NOT_SURNAMES.contains(sc.word(last))) {
        continue;
      }
      boolean before = t > 0 && people[t - 1] && PAIRING.contains(sc.between(t - 1));
      boolean after = last + 1 < sc.count && people[last + 1] && PAIRING.contains(sc.between(last));
      if ((before || after) && !field.masked(t, last)) {
        person(field, article, t, last, 0.65, people);
        t = organizations.affiliation(field, article, last);
      }
    }
  }

  private static final Set<String> PAIRING = Set.of(" & ", " and ", ", ", ", and ");

  private void person(Field field, MentionTally article, int first, int last, double confidence, boolean[] people) {
    String id = article.unknown("person", TokenTests.joinWords(field.scanner, first, last), confidence);
    if (id != null) {
      article.count(id, field, first);
      for (int t = first; t <= last; t++) {
        field.covered[t] = true;
        people[t] = true;
      }
    }
  }

  /** The word follows a capitalised word in the same name ("San Francisco"), not a sentence start like "Thanks". */
  boolean insideLongerName(Field field, int t) {
    Scanner sc = field.scanner;
    if (t == 0 || !TokenTests.softSpace(sc.between(t - 1)) || !TokenTests.nameToken(sc, t - 1)) {
      return false;
    }
    NameIndex.Slot slot = field.slots[t - 1];
    NameIndex.Name catalogName = slot == null ? null : NameIndex.longest(slot, sc, t - 1, false);
    if (catalogName != null && catalogName.length() >= 2) {
      return true; // "San Francisco": the catalog's longer span wins
    }
    return !field.sentenceStart(t - 1) && !Lexicon.INTRODUCTIONS.contains(sc.word(t - 1).toLowerCase(Locale.ROOT));
  }

  /** A given name that is also the name of software ("Cassandra Client", "Thanos Sidecar" are not people). */
  private static boolean namesSoftware(NameIndex.Slot slot) {
    for (NameIndex.Name name : slot.names) {
      String type = name.target().entry().type();
      if (name.length() == 1 && (type.equals("project") || type.equals("product"))) {
        return true;
      }
    }
    return false;
  }

  boolean nickname(Field field, int t) {
    Scanner sc = field.scanner;
    if (t + 2 >= sc.count || field.slots[t] == null || !field.slots[t].firstName || !tokens.candidateWord(field, t + 2)) {
      return false;
    }
    String open = sc.between(t);
    String close = sc.between(t + 1);
    return (open.equals(" \"") && close.equals("\" ")) || (open.equals(" “") && close.equals("” "));
  }

  boolean personCue(Field field, int p, int last) {
    Scanner sc = field.scanner;
    if (p > 0) {
      String before = sc.word(p - 1);
      String lower = before.toLowerCase(Locale.ROOT);
      if (Lexicon.SPEECH.contains(lower) || Lexicon.TITLES.contains(lower)) {
        return true;
      }
      if (lower.equals("by") && field.lineStartBefore(p - 1)) {
        return true;
      }
      if (Lexicon.INTRODUCTIONS.contains(lower)) {
        return true;
      }
    }
    if (last + 1 < sc.count) {
      String after = sc.word(last + 1).toLowerCase(Locale.ROOT);
      String between = sc.between(last);
      if (between.equals(" ") && Lexicon.SPEECH.contains(after)) {
        return true;
      }
      if (between.equals(" ([@") || (between.equals(" (") && sc.is(last + 1, Scanner.UPPER_FIRST) && field.lineStartBefore(p) == false
          && sc.between(p - 1 < 0 ? 0 : p - 1).contains("-"))) {
        return true; // "Jane Doe ([@jdoe](...))", "Talk title -- Jane Doe (Acme)"
      }
      if (between.startsWith(",")) {
        for (int k = last + 1; k < Math.min(sc.count, last + 5); k++) {
          if (Lexicon.TITLES.contains(sc.word(k).toLowerCase(Locale.ROOT))) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
