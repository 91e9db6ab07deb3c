package dev.trendmill.enrich.extract;

import dev.trendmill.enrich.catalog.Slugs;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the entities an article names: catalog entities by name and alias, and people and new companies by rules.
 * Title and body in, one {@link ExtractedEntity} per entity out (mention count, salience, confidence), most salient
 * first. Pure and thread-safe once built; build a new one when the catalog changes.
 *
 * <p><b>Matching.</b> Names are matched as whole words, case-sensitively, longest first ("Argo CD" over "Argo").
 * Whitespace inside a name matches any whitespace run within a paragraph; possessives ("Argo's", "Argo’s") and
 * hyphenated compounds ("Kubernetes-native") match because words are runs of letters and digits; "cert-manager" is
 * one name because its hyphen is part of it. In an ALL-CAPS line, names also match in capitals ("ISTIO"). Nothing is
 * matched inside `inline code` or fenced code, URLs, e-mail addresses, file paths or lower-case domain names.
 *
 * <p><b>Ambiguous names.</b> A name is ambiguous when it is one word that is a common English word (our list in
 * {@code extract/common-words.txt}, e.g. Port, Helm, Flux, Vault, kind), a given name, or a short word (three
 * letters or fewer, not in capitals), or when the curated catalog marks it ({@code "ambiguous": "true"}: Falco,
 * Kepler, Pixie...). An ambiguous name counts only with evidence, in this order:
 *
 * <ol>
 *   <li>rejected outright: followed by a plain number of two or more digits ("Port 8080", "port 443");
 *   <li>strong: capitalised where an ordinary word would not be (not at a sentence start, not in an ALL-CAPS or
 *       Title Case line), followed by a company suffix ("Port Inc.") or by a version ("Harbor 2.13", "Flux v2");
 *   <li>context: a context term of its category within ten words ("cluster", "Kubernetes", "CNCF", "open source";
 *       "metrics" for observability, "policy" for security...; see {@link Lexicon});
 *   <li>weak: capitalised at a sentence start or in a heading, and the article also names a related entity without
 *       ambiguity (same landscape category, same owning organisation, or both CNCF projects).
 * </ol>
 *
 * Confidence follows the evidence: 1.0 for an unambiguous name, 0.9 strong, 0.75 context, 0.6 weak.
 *
 * <p><b>Unknown entities.</b> People: a given name from our list followed by a capitalised surname ("Priya Raman"),
 * or any two capitalised words next to a cue: a speech verb ("said X Y", "X Y said"), a job title ("X Y, CEO of",
 * "CTO X Y") or a byline ("By X Y"). Organisations: capitalised words before a company suffix ("Runecast Solutions
 * Ltd."), or next to "startup" ("X, a startup", "startup X"). They get ids in their own namespace,
 * {@code person~:<slug>} and {@code organization~:<slug>} (the "~" says "found by rule, not in the catalog"), and a
 * confidence of 0.6 to 0.85 by evidence. They are never added to the catalog; a catalog entry with the same name wins.
 *
 * <p><b>Salience</b> in [0, 1]: 0.45 when the title names the entity, 0.2 when the lead (first paragraph, at most
 * 400 characters) does, and up to 0.35 more as body mentions add up (1 − 0.7<sup>n</sup>).
 */
public final class EntityExtractor {
  public static final String VERSION = "trendmill-extract-2";
  /** When one surface form names several entities, the first type here wins. */
  private static final List<String> TYPE_PRIORITY =
      List.of("project", "organization", "product", "technology", "topic", "event", "location", "person");
  private static final int CONTEXT_WINDOW = 10;
  private static final int LEAD_CHARS = 400;

  static final int REJECT = -1;
  static final int NONE = 0;
  static final int WEAK = 1;
  static final int CONTEXT = 2;
  static final int STRONG = 3;

  private final NameIndex index;
  private final Lexicon lexicon = Lexicon.get();

  public EntityExtractor(Collection<CatalogEntry> catalog) {
    Map<String, NameIndex.Name> bySurface = new HashMap<>();
    Map<String, CatalogEntry> owners = new HashMap<>();
    for (CatalogEntry entry : catalog) {
      NameIndex.Target target = target(entry);
      List<String> surfaces = new ArrayList<>();
      surfaces.add(entry.name());
      surfaces.addAll(entry.aliases());
      for (String raw : surfaces) {
        String surface = raw == null ? "" : raw.strip();
        if (surface.length() < 2) {
          continue;
        }
        NameIndex.Name name = NameIndex.name(target, surface, ambiguous(entry, surface), distinctive(surface));
        if (name == null) {
          continue;
        }
        String key = String.join("\u0000", name.tokens()) + "\u0001" + String.join("\u0000", name.separators());
        CatalogEntry previous = owners.get(key);
        if (previous == null || preferred(previous, entry) == entry) {
          owners.put(key, entry);
          bySurface.put(key, name);
        }
      }
    }
    this.index = new NameIndex(new ArrayList<>(bySurface.values()), lexicon.firstNames(), Lexicon.COMPANY_SUFFIXES);
  }

  /** How many distinct names (canonical names and aliases) the extractor knows. */
  public int size() {
    return index.names();
  }

  private NameIndex.Target target(CatalogEntry entry) {
    Set<String> context = new HashSet<>(Lexicon.GENERAL_CONTEXT);
    String category = entry.attributes().get("category");
    if (category != null) {
      context.addAll(Lexicon.CATEGORY_CONTEXT.getOrDefault(category, Set.of()));
    }
    String extra = entry.attributes().get("context");
    if (extra != null) {
      for (String term : extra.split(",")) {
        if (!term.isBlank()) {
          context.add(term.strip().toLowerCase(Locale.ROOT));
        }
      }
    }
    return new NameIndex.Target(entry, category, entry.attributes().get("organization"), Set.copyOf(context));
  }

  /**
   * A name that can be matched in any case ("kubernetes", "Github", "the apache software foundation"): one of its
   * words is at least four letters long, not in capitals, and not an English word (see {@link Lexicon#isEnglish}).
   */
  boolean distinctive(String surface) {
    NameIndex.Name split = NameIndex.name(null, surface, false, false);
    if (split == null) {
      return false;
    }
    for (String token : split.tokens()) {
      boolean capitals = token.equals(token.toUpperCase(Locale.ROOT));
      if (token.length() >= 4 && !capitals && token.chars().allMatch(Character::isLetter) && !lexicon.isEnglish(token)) {
        return true;
      }
    }
    return false;
  }

  /** The ambiguity rule (see the class comment): one word that is common, a given name, short, or curated. */
  boolean ambiguous(CatalogEntry entry, String surface) {
    String flag = entry.attributes().get("ambiguous");
    boolean oneWord = surface.chars().allMatch(c -> Scanner.isWordChar((char) c));
    if ("false".equals(flag) || !oneWord) {
      return false;
    }
    if ("true".equals(flag)) {
      return true;
    }
    boolean allCaps = surface.equals(surface.toUpperCase(Locale.ROOT));
    return lexicon.isCommonWord(surface)
        || lexicon.firstNames().contains(surface)
        || (surface.length() <= 3 && !allCaps);
  }

  /** The entities named in an article, each once, most salient first. */
  public List<ExtractedEntity> extract(String title, String body) {
    Article article = new Article();
    String t = title == null ? "" : title;
    String b = body == null ? "" : body;
    Field titleField = new Field(new Scanner(t), true, 0);
    Field bodyField = new Field(new Scanner(b), false, leadEnd(b));
    findPeopleFirst(titleField, article);
    findPeopleFirst(bodyField, article);
    match(titleField, article);
    match(bodyField, article);
    findHeadWordNames(titleField, article);
    findHeadWordNames(bodyField, article);
    findLinked(titleField, article);
    findLinked(bodyField, article);
    findListedOrganizations(titleField, article);
    findListedOrganizations(bodyField, article);
    findUnknown(titleField, article);
    findUnknown(bodyField, article);
    countUnknown(titleField, article);
    countUnknown(bodyField, article);
    return article.resolve();
  }

  private static int leadEnd(String body) {
    int paragraph = body.indexOf("\n\n");
    return paragraph < 0 ? Math.min(body.length(), LEAD_CHARS) : Math.min(paragraph, LEAD_CHARS);
  }

  // ------------------------------------------------------------------------------------------------ catalog names

  private void match(Field field, Article article) {
    Scanner sc = field.scanner;
    int n = sc.count;
    for (int t = 0; t < n; t++) {
      NameIndex.Slot slot = index.lookup(sc.text, sc.start[t], sc.end[t], sc.hash[t]);
      field.slots[t] = slot;
      if (sc.is(t, Scanner.CODE) || field.covered[t]) {
        continue;
      }
      boolean upperMode = false;
      NameIndex.Name name = slot == null ? null : longest(slot, sc, t, false);
      if (name == null && slot == null && sc.is(t, Scanner.HAS_LETTER) && !sc.is(t, Scanner.ALL_UPPER)) {
        NameIndex.Slot anyCase = index.lookupAnyCase(sc.text, sc.start[t], sc.end[t]);
        name = anyCase == null ? null : longest(anyCase, sc, t, true);
      }
      if (name == null && sc.is(t, Scanner.ALL_UPPER) && sc.length(t) > 1 && field.line(t).allCaps()) {
        NameIndex.Slot upper = index.lookupUpper(sc.text, sc.start[t], sc.end[t], sc.hash[t]);
        name = upper == null ? null : longest(upper, sc, t, true);
        upperMode = name != null;
      }
      if (name == null) {
        continue;
      }
      int last = t + name.length() - 1;
      if (field.masked(t, last)) {
        t = last;
        continue;
      }
      for (int k = t; k <= last; k++) {
        field.covered[k] = true;
      }
      int level = name.ambiguous() ? evidence(field, name, t, last, upperMode) : STRONG;
      if (level != REJECT && edition(field, article, name.target().entry(), last)) {
        field.covered[last + 1] = true;
        t = last + 1;
        continue;
      }
      if (level != REJECT) {
        article.mention(name.target(), field, t, level, name.ambiguous());
      }
      t = last;
    }
  }

  private static NameIndex.Name longest(NameIndex.Slot slot, Scanner sc, int t, boolean ignoreCase) {
    for (NameIndex.Name name : slot.names) {
      int length = name.length();
      if (t + length > sc.count) {
        continue;
      }
      if (ignoreCase && !sc.tokenEquals(t, name.tokens()[0], true)) {
        continue;
      }
      boolean ok = true;
      for (int k = 1; k < length && ok; k++) {
        ok = sc.separatorIs(t + k - 1, name.separators()[k - 1]) && sc.tokenEquals(t + k, name.tokens()[k], ignoreCase)
            && !sc.is(t + k, Scanner.CODE);
      }
      if (ok) {
        return name;
      }
    }
    return null;
  }

  /** The evidence for one mention of an ambiguous name (see the class comment). */
  private int evidence(Field field, NameIndex.Name name, int first, int last, boolean upperMode) {
    Scanner sc = field.scanner;
    int next = last + 1;
    if (next < sc.count && isDigits(sc, next) && sc.length(next) >= 2 && sc.between(last).equals(" ") && !versionAt(sc, next)) {
      return REJECT;
    }
    boolean capitalisedName = Character.isUpperCase(name.tokens()[0].charAt(0));
    if (!capitalisedName && next < sc.count && sc.between(last).equals(" ") && sc.tokenEquals(next, "of", false)) {
      return REJECT; // "a kind of", "the spin of": the ordinary word
    }
    if (next < sc.count && (sc.between(last).equals(" ") || sc.between(last).equals(", "))) {
      NameIndex.Slot slot = index.lookup(sc.text, sc.start[next], sc.end[next], sc.hash[next]);
      if (slot != null && slot.companySuffix) {
        return STRONG;
      }
      if (sc.between(last).equals(" ") && versionAt(sc, next)) {
        return STRONG;
      }
    }
    Field.Line line = field.line(first);
    if (!upperMode && capitalisedName && !line.allCaps() && !line.titleCase() && !field.sentenceStart(first)) {
      return STRONG;
    }
    if (hasContext(sc, name.target().context(), first, last)) {
      return CONTEXT;
    }
    return capitalisedName ? WEAK : NONE;
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

  // ---------------------------------------------------------------------------------------- people and companies

  /**
   * People before catalog names: a given name and a capitalised surname are a person even when a word of theirs is a
   * place or a catalog name ("Austin Parker", "Andrew Block"); a surname that is a common word needs a cue as well.
   */
  private void findPeopleFirst(Field field, Article article) {
    Scanner sc = field.scanner;
    boolean[] people = new boolean[sc.count];
    for (int t = 0; t + 1 < sc.count; t++) {
      if (!nameToken(sc, t) || STOP.contains(sc.word(t))) {
        continue;
      }
      NameIndex.Slot slot = index.lookup(sc.text, sc.start[t], sc.end[t], sc.hash[t]);
      int last = t + 1;
      if (slot == null || !slot.firstName || !softSpace(sc.between(t)) || !nameToken(sc, last)
          || STOP.contains(sc.word(last)) || NOT_SURNAMES.contains(sc.word(last)) || sc.length(last) < 2) {
        continue;
      }
      if (last + 1 < sc.count && softSpace(sc.between(last)) && nameToken(sc, last + 1) && NOT_SURNAMES.contains(sc.word(last + 1))) {
        continue; // "Grace Hopper Institute": an organization's name
      }
      if (insideLongerName(field, t) || (namesSoftware(slot) && lexicon.isEnglish(sc.word(last)))) {
        continue; // "San Francisco", "Thanos Sidecar"
      }
      NameIndex.Slot middle = index.lookup(sc.text, sc.start[last], sc.end[last], sc.hash[last]);
      if (middle != null && middle.firstName && last + 1 < sc.count && softSpace(sc.between(last))
          && nameToken(sc, last + 1) && !STOP.contains(sc.word(last + 1)) && !lexicon.isEnglish(sc.word(last + 1))) {
        last++; // "Max Jonas Werner", "Daniel Ben Yosef"
      }
      if ((lexicon.isCommonWord(sc.word(last)) && !personCue(field, t, last)) || field.masked(t, last)) {
        continue;
      }
      person(field, article, t, last, personCue(field, t, last) ? 0.85 : 0.7, people);
      t = affiliation(field, article, last);
    }
    // "Jane Doe & Raj Patel (Acme)", "Jane Doe and Raj Patel": the other name of a pair of people is a person too
    for (int t = 0; t + 1 < sc.count; t++) {
      int last = t + 1;
      if (field.covered[t] || field.covered[last] || !nameToken(sc, t) || !nameToken(sc, last)
          || !sc.between(t).equals(" ") || STOP.contains(sc.word(t)) || lexicon.isEnglish(sc.word(t))
          || lexicon.isEnglish(sc.word(last)) || NOT_SURNAMES.contains(sc.word(last))) {
        continue;
      }
      boolean before = t > 0 && people[t - 1] && PAIRING.contains(sc.between(t - 1));
      boolean after = last + 1 < sc.count && people[last + 1] && PAIRING.contains(sc.between(last));
      if ((before || after) && !field.masked(t, last)) {
        person(field, article, t, last, 0.65, people);
        t = affiliation(field, article, last);
      }
    }
  }

  private static final Set<String> PAIRING = Set.of(" & ", " and ", ", ", ", and ");

  private void person(Field field, Article article, int first, int last, double confidence, boolean[] people) {
    String id = article.unknown("person", joinWords(field.scanner, first, last), confidence);
    if (id != null) {
      article.count(id, field, first);
      for (int t = first; t <= last; t++) {
        field.covered[t] = true;
        people[t] = true;
      }
    }
  }

  /** The word follows a capitalised word in the same name ("San Francisco"), not a sentence start like "Thanks". */
  private boolean insideLongerName(Field field, int t) {
    Scanner sc = field.scanner;
    if (t == 0 || !softSpace(sc.between(t - 1)) || !nameToken(sc, t - 1)) {
      return false;
    }
    NameIndex.Slot slot = index.lookup(sc.text, sc.start[t - 1], sc.end[t - 1], sc.hash[t - 1]);
    NameIndex.Name catalogName = slot == null ? null : longest(slot, sc, t - 1, false);
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

  private static boolean nameToken(Scanner sc, int t) {
    return !sc.is(t, Scanner.CODE) && sc.is(t, Scanner.UPPER_FIRST) && !(sc.is(t, Scanner.ALL_UPPER) && sc.length(t) > 1)
        && isLetters(sc, t);
  }

  /** "KubeCon + CloudNativeCon Europe 2024": an event of the catalog followed by a year is that year's edition. */
  private static boolean edition(Field field, Article article, CatalogEntry entry, int last) {
    Scanner sc = field.scanner;
    int year = last + 1;
    if (!entry.type().equals("event") || year >= sc.count || !sc.between(last).equals(" ") || sc.length(year) != 4) {
      return false;
    }
    String word = sc.word(year);
    if (!(word.startsWith("19") || word.startsWith("20")) || !word.chars().allMatch(Character::isDigit)) {
      return false;
    }
    String id = article.unknown("event", entry.name() + " " + word, 0.9);
    if (id != null) {
      article.count(id, field, last);
    }
    return id != null;
  }

  /** Events and bodies named by their last word ({@link HeadWordRules}), counted where found. */
  private void findHeadWordNames(Field field, Article article) {
    HeadWordRules.forEach(field, found -> {
      Scanner sc = field.scanner;
      if (found.name() == null || field.covered[found.head()] || allCovered(field, found.first(), found.last())) {
        return;
      }
      String id = article.unknown(found.type(), found.name(), 0.75);
      if (id != null) {
        article.count(id, field, found.first());
        for (int t = found.first(); t <= found.last(); t++) {
          field.covered[t] = true;
        }
      }
    });
  }

  private static boolean allCovered(Field field, int first, int last) {
    for (int t = first; t <= last; t++) {
      if (!field.covered[t]) {
        return false;
      }
    }
    return true;
  }

  /** Names that a link's target explains ({@link LinkEvidence}), unless the catalog already matched them. */
  private void findLinked(Field field, Article article) {
    Scanner sc = field.scanner;
    LinkEvidence.forEach(field, link -> {
      for (int t = link.first(); t <= link.last(); t++) {
        if (field.covered[t] || sc.is(t, Scanner.CODE)) {
          return;
        }
      }
      if (link.kind() == LinkEvidence.Kind.PERSON && (lexiconWord(sc, link.first()) || lexiconWord(sc, link.last()))) {
        return;
      }
      String type = link.kind().name().toLowerCase(Locale.ROOT);
      article.unknown(type, joinWords(sc, link.first(), link.last()), 0.8);
    });
  }

  private void findUnknown(Field field, Article article) {
    Scanner sc = field.scanner;
    int n = sc.count;
    int t = 0;
    while (t < n) {
      if (!candidateWord(field, t)) {
        t++;
        continue;
      }
      // a run of capitalised words separated by single spaces, stopping before a company suffix
      int end = t;
      while (end + 1 < n && candidateWord(field, end + 1) && softSpace(sc.between(end)) && !suffix(field, end + 1)) {
        end++;
      }
      if (end == t && nickname(field, t)) {
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

  private boolean nickname(Field field, int t) {
    Scanner sc = field.scanner;
    if (t + 2 >= sc.count || field.slots[t] == null || !field.slots[t].firstName || !candidateWord(field, t + 2)) {
      return false;
    }
    String open = sc.between(t);
    String close = sc.between(t + 1);
    return (open.equals(" \"") && close.equals("\" ")) || (open.equals(" “") && close.equals("” "));
  }

  private static String joinWords(Scanner sc, int a, int b) {
    StringBuilder out = new StringBuilder(sc.word(a));
    for (int t = a + 1; t <= b; t++) {
      out.append(softSpace(sc.between(t - 1)) ? " " : sc.between(t - 1)).append(sc.word(t));
    }
    return out.toString();
  }

  private boolean candidateWord(Field field, int t) {
    Scanner sc = field.scanner;
    return !field.covered[t]
        && !sc.is(t, Scanner.CODE)
        && sc.is(t, Scanner.UPPER_FIRST)
        && !(sc.is(t, Scanner.ALL_UPPER) && sc.length(t) > 1)
        && isLetters(sc, t);
  }

  private static boolean isLetters(Scanner sc, int t) {
    for (int i = sc.start[t]; i < sc.end[t]; i++) {
      if (!Character.isLetter(sc.text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private boolean suffix(Field field, int t) {
    NameIndex.Slot slot = field.slots[t];
    return slot != null && slot.companySuffix;
  }

  /** Applies the organisation and person rules to the run [a, b]; returns the last token used. */
  private int runRules(Field field, Article article, int a, int b) {
    Scanner sc = field.scanner;
    // Drop a leading sentence-start word that is not a name ("The", "Last", "When").
    int from = a;
    while (from <= b && field.sentenceStart(from) && lexiconWord(sc, from)) {
      from++;
    }
    if (from > b) {
      return b;
    }
    // Organisation by suffix: "Acme Robotics Inc.", "Acme Robotics, Inc.", "Globex GmbH".
    int next = b + 1;
    if (next < sc.count && suffix(field, next) && (sc.between(b).equals(" ") || sc.between(b).equals(", "))
        && b - from < 4 && !field.masked(from, next)) {
      article.unknown("organization", words(sc, from, b), 0.75);
      return next;
    }
    // Organisation by startup pattern: "Quietbeam, a startup", "startup Quietbeam".
    if (b - from < 3 && !field.masked(from, b) && (startupAfter(sc, b) || startupBefore(sc, from))) {
      article.unknown("organization", words(sc, from, b), 0.65);
      return b;
    }
    // People.
    for (int p = from; p < b; p++) {
      int last = p + 1;
      if (p + 2 == b && b - from == 2 && p == from) {
        last = b; // exactly three capitalised words: a three-part name
      }
      boolean given = field.slots[p] != null && field.slots[p].firstName;
      boolean cue = personCue(field, p, last);
      if (!(given || (cue && p == from && b - from <= 2)) || (given && !cue && p > from && insideLongerName(field, p))) {
        continue;
      }
      if ((lexiconWord(sc, last) && !(given && cue)) || field.masked(p, last) || (!given && lexiconWord(sc, p))
          || sc.length(p) < 2 || sc.length(last) < 2 || NOT_SURNAMES.contains(sc.word(last))) {
        continue;
      }
      Field.Line line = field.line(p);
      if (!given && line.allCaps()) {
        continue;
      }
      double confidence = given && cue ? 0.85 : given ? 0.7 : 0.65;
      article.unknown("person", joinWords(sc, p, last), confidence);
      return affiliation(field, article, last);
    }
    return b;
  }

  /**
   * The organization a person is introduced with: "Jane Doe (Acme)", "Jane Doe of Acme", "Jane Doe from Acme", "Jane
   * Doe at Acme". Returns the last token used.
   */
  private int affiliation(Field field, Article article, int last) {
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
    if (from < 0 || !(candidateWord(field, from) || camelName(field, from)) || lexiconWord(sc, from)
        || catalogNameAt(sc, from) != null) {
      return last;
    }
    int to = from;
    while (to + 1 < sc.count && to - from < 3 && candidateWord(field, to + 1) && sc.between(to).equals(" ")) {
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
      article.unknown("organization", joinWords(sc, from, to), 0.7);
    }
    return to;
  }

  private static final Set<String> DOMAIN_ENDINGS = Set.of("io", "ai", "sh", "dev", "co", "app", "cloud", "tech", "com");

  /** "theGarageBandOfIT", "observIQ": a lower-case start with capitals inside is a name. */
  private static boolean camelName(Field field, int t) {
    Scanner sc = field.scanner;
    if (field.covered[t] || sc.is(t, Scanner.CODE) || sc.is(t, Scanner.UPPER_FIRST) || sc.length(t) < 4) {
      return false;
    }
    String word = sc.word(t);
    return isLetters(sc, t) && !word.equals(word.toLowerCase(Locale.ROOT));
  }

  /** The catalog name starting at the token, in its case or, when distinctive, in any case; null if none. */
  private NameIndex.Name catalogNameAt(Scanner sc, int t) {
    NameIndex.Slot slot = index.lookup(sc.text, sc.start[t], sc.end[t], sc.hash[t]);
    NameIndex.Name name = slot == null ? null : longest(slot, sc, t, false);
    if (name == null) {
      NameIndex.Slot anyCase = index.lookupAnyCase(sc.text, sc.start[t], sc.end[t]);
      name = anyCase == null ? null : longest(anyCase, sc, t, true);
    }
    return name;
  }

  /**
   * Organizations named in a list after a cue: "friends at A, B and C", "companies such as A, B", "vendors like A",
   * "contributions from folks at A, B", "adopters: A, B". Names the catalog knows keep their entity; the others become
   * organizations.
   */
  private void findListedOrganizations(Field field, Article article) {
    Scanner sc = field.scanner;
    for (int k = 1; k + 1 < sc.count; k++) {
      if (sc.is(k, Scanner.CODE) || !listCue(sc, k)) {
        continue;
      }
      int t = k + 1;
      if (!sc.between(k).equals(" ") && !sc.between(k).equals(": ")) {
        continue;
      }
      while (t < sc.count) {
        int last = t;
        if (!(candidateWord(field, t) || camelName(field, t) || field.covered[t])) {
          break;
        }
        while (last + 1 < sc.count && last - t < 3 && softSpace(sc.between(last))
            && (candidateWord(field, last + 1) || (field.covered[last + 1] && field.covered[last]))) {
          last++;
        }
        if (!allCovered(field, t, last) && !field.masked(t, last) && !(t == last && lexiconWord(sc, t))) {
          article.unknown("organization", joinWords(sc, t, last), 0.7);
        }
        if (last + 1 >= sc.count || !LIST_SEPARATORS.contains(sc.between(last).replace('\n', ' '))) {
          break;
        }
        t = last + 1;
        if (sc.word(t).equals("and")) {
          t++;
        }
        if (t < sc.count && (sc.word(t).equals("many") || sc.word(t).equals("others") || sc.word(t).equals("more"))) {
          break;
        }
      }
      k = t;
    }
  }

  private static final Set<String> LIST_SEPARATORS = Set.of(", ", " and ", ", and ", " & ", ",  ", " ,");
  private static final Set<String> ORGANIZATION_NOUNS =
      Set.of("companies", "company", "vendors", "friends", "folks", "providers", "adopters", "customers",
          "organizations", "organisations", "partners", "sponsors", "employers", "enterprises", "startups", "firms",
          "operators", "banks", "retailers", "businesses", "brands", "members");

  /** "at", "like", "as" (in "such as") or "including" after an organization noun, or "adopters:". */
  private static boolean listCue(Scanner sc, int k) {
    String word = sc.word(k).toLowerCase(Locale.ROOT);
    if (ORGANIZATION_NOUNS.contains(word) && sc.between(k).equals(": ")) {
      return true;
    }
    boolean cue = word.equals("at") || word.equals("like") || word.equals("including")
        || (word.equals("as") && sc.word(k - 1).equalsIgnoreCase("such"));
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

  private boolean lexiconWord(Scanner sc, int t) {
    return lexicon.isCommonWord(sc.word(t)) || STOP.contains(sc.word(t));
  }

  /** Words that end organisation names, never a person's ("Ada Logics", "Carlos University"). */
  private static final Set<String> NOT_SURNAMES =
      Set.of("University", "Labs", "Lab", "Logics", "Foundation", "Group", "Systems", "Technologies", "Technology",
          "Software", "Solutions", "Cloud", "Networks", "Security", "Institute", "College", "Consulting", "Digital",
          "Partners", "Ventures", "Capital", "Media", "Studios", "Research", "Engineering", "Services", "Project");

  /** Capitalised words that start sentences but never names. */
  private static final Set<String> STOP =
      Set.of("The", "A", "An", "This", "That", "These", "Those", "It", "Its", "We", "Our", "They", "Their", "He", "She",
          "His", "Her", "In", "On", "At", "For", "With", "And", "But", "Or", "If", "When", "While", "After", "Before",
          "Last", "Next", "Every", "Each", "Some", "Many", "Most", "Both", "All", "Any", "As", "By", "From", "To", "Of",
          "Under", "Over", "Meanwhile", "Today", "Yesterday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
          "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December", "Among", "Anyone", "Users", "Teams", "Customers", "One", "Two", "Three",
          "Speaker", "Analysts", "Competitors", "Buyers", "Operators", "Flights", "Attendees", "Now", "New");

  private static String words(Scanner sc, int a, int b) {
    return sc.text.substring(sc.start[a], sc.end[b]);
  }

  private static boolean startupAfter(Scanner sc, int b) {
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

  private static boolean startupBefore(Scanner sc, int a) {
    if (a == 0 || !sc.between(a - 1).equals(" ")) {
      return false;
    }
    String previous = sc.word(a - 1).toLowerCase(Locale.ROOT);
    return previous.equals("startup") || (previous.equals("up") && a >= 2 && sc.word(a - 2).equalsIgnoreCase("start"));
  }

  private boolean personCue(Field field, int p, int last) {
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

  private void countUnknown(Field field, Article article) {
    Scanner sc = field.scanner;
    for (Unknown unknown : article.unknown.values()) {
      String[] tokens = unknown.tokens;
      for (int t = 0; t + tokens.length <= sc.count; t++) {
        if (field.covered[t] || sc.is(t, Scanner.CODE) || !sc.tokenEquals(t, tokens[0], false)) {
          continue;
        }
        boolean ok = true;
        for (int k = 1; k < tokens.length && ok; k++) {
          ok = sc.tokenEquals(t + k, tokens[k], false) && !sc.between(t + k - 1).contains("\n\n");
        }
        if (ok && !field.masked(t, t + tokens.length - 1)) {
          article.count(unknown.id, field, t);
          t += tokens.length - 1;
        }
      }
    }
  }

  // ------------------------------------------------------------------------------------------------------ helpers

  private static CatalogEntry preferred(CatalogEntry a, CatalogEntry b) {
    int rankA = rank(a.type());
    int rankB = rank(b.type());
    if (rankA != rankB) {
      return rankA < rankB ? a : b;
    }
    return a.id().compareTo(b.id()) <= 0 ? a : b;
  }

  private static int rank(String type) {
    int index = TYPE_PRIORITY.indexOf(type);
    return index < 0 ? TYPE_PRIORITY.size() : index;
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }

  /** A rule-found entity: its id, name, type and the tokens of its name (to count its other mentions). */
  private record Unknown(String id, String name, String type, String[] tokens, double confidence) {}

  /** Mentions gathered for one article, resolved into the output at the end. */
  private final class Article {
    final Map<String, Accumulator> found = new LinkedHashMap<>();
    final Map<String, Unknown> unknown = new LinkedHashMap<>();

    void mention(NameIndex.Target target, Field field, int token, int level, boolean ambiguous) {
      CatalogEntry entry = target.entry();
      Accumulator acc = found.computeIfAbsent(entry.id(), id -> new Accumulator(entry.id(), entry.name(), entry.type(), target));
      acc.ambiguous |= ambiguous;
      acc.level = Math.max(acc.level, level);
      acc.add(field, token);
    }

    /** Records a rule-found entity; returns its id, or null when the surface makes no id. */
    String unknown(String type, String surface, double confidence) {
      // "Christian Hüning" → christian-huning: accents folded before the slug drops what is not ASCII.
      String slug = Slugs.slug(java.text.Normalizer.normalize(surface, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}+", ""));
      if (slug.isEmpty()) {
        return null;
      }
      String id = type + "~:" + slug;
      Unknown previous = unknown.get(id);
      if (previous == null || previous.confidence() < confidence) {
        Scanner tokens = new Scanner(surface);
        String[] words = new String[tokens.count];
        for (int i = 0; i < tokens.count; i++) {
          words[i] = tokens.word(i);
        }
        unknown.put(id, new Unknown(id, surface, type, words, confidence));
      }
      return id;
    }

    void count(String id, Field field, int token) {
      Unknown u = unknown.get(id);
      Accumulator acc = found.computeIfAbsent(id, k -> new Accumulator(id, u.name(), u.type(), null));
      acc.confidence = u.confidence();
      acc.add(field, token);
    }

    List<ExtractedEntity> resolve() {
      List<Accumulator> certain = found.values().stream().filter(a -> !a.ambiguous || a.level >= CONTEXT).toList();
      List<ExtractedEntity> out = new ArrayList<>(found.size());
      for (Accumulator acc : found.values()) {
        double confidence;
        if (acc.target == null) {
          confidence = acc.confidence;
        } else if (!acc.ambiguous) {
          confidence = 1.0;
        } else if (acc.level == STRONG) {
          confidence = 0.9;
        } else if (acc.level == CONTEXT) {
          confidence = 0.75;
        } else if (acc.level == WEAK && certain.stream().anyMatch(other -> other != acc && related(acc, other))) {
          confidence = 0.6;
        } else {
          continue;
        }
        out.add(new ExtractedEntity(acc.id, acc.name, acc.type, acc.mentions, round(acc.salience()), confidence));
      }
      // A specific edition ("KubeCon + CloudNativeCon Europe") stands for its series ("KubeCon"): keep only the edition.
      Set<String> series = new HashSet<>();
      for (Accumulator acc : found.values()) {
        String of = acc.target == null ? null : acc.target.entry().attributes().get("edition.of");
        if (of != null && out.stream().anyMatch(e -> e.id().equals(acc.id))) {
          series.add(of);
        }
      }
      out.removeIf(e -> series.contains(e.id()));
      out.sort(Comparator.comparingDouble(ExtractedEntity::salience).reversed().thenComparing(ExtractedEntity::id));
      return out;
    }

    private boolean related(Accumulator a, Accumulator b) {
      if (b.target == null || b.ambiguous) {
        return false;
      }
      NameIndex.Target x = a.target;
      NameIndex.Target y = b.target;
      return (x.category() != null && x.category().equals(y.category()))
          || (x.organization() != null && (x.organization().equals(y.organization()) || x.organization().equals(b.id)))
          || (y.organization() != null && y.organization().equals(a.id))
          || (x.entry().attributes().containsKey("maturity") && y.entry().attributes().containsKey("maturity"));
    }
  }

  private static final class Accumulator {
    final String id;
    final String name;
    final String type;
    final NameIndex.Target target;
    boolean ambiguous;
    int level = REJECT;
    int mentions;
    int inTitle;
    int inBody;
    boolean inLead;
    double confidence;

    Accumulator(String id, String name, String type, NameIndex.Target target) {
      this.id = id;
      this.name = name;
      this.type = type;
      this.target = target;
    }

    void add(Field field, int token) {
      mentions++;
      if (field.title) {
        inTitle++;
      } else {
        inBody++;
        inLead |= field.inLead(token);
      }
    }

    double salience() {
      double s = (inTitle > 0 ? 0.45 : 0) + (inLead ? 0.2 : 0) + 0.35 * (1 - Math.pow(0.7, inBody));
      return Math.min(1.0, s);
    }
  }
}
