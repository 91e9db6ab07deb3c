package dev.trendmill.enrich.extract;

import java.util.Collection;
import java.util.List;

/**
 * Finds the entities an article names: catalog entities by name and alias, and people and new companies by rules.
 * Title and body in, one {@link ExtractedEntity} per entity out (mention count, salience, confidence), most salient
 * first. Pure and thread-safe once built; build a new one when the catalog changes.
 *
 * <p><b>Steps</b>, in this order, each skipping the words an earlier one took: people before catalog names
 * ({@link PeopleRules}: "Austin Parker" is a person, not Austin); catalog names ({@link CatalogNames} builds the index,
 * {@link AmbiguityEvidence} weighs ambiguous ones); events and bodies by their head word ({@link HeadWordRules});
 * names a link's target explains ({@link LinkEvidence}); organizations listed after a cue ({@link
 * OrganizationRules}); the remaining runs of capitalised words ({@link UnknownEntities}); then {@link MentionTally}
 * counts and resolves. {@link Field} holds the text's geometry (lines, sentences, lead, masked spans).
 *
 * <p><b>Matching.</b> Names are matched as whole words, longest first ("Argo CD" over "Argo"), in their own case;
 * a distinctive name (one of its words is not an English word) also in any case ("kubernetes", "Github").
 * Whitespace inside a name matches any whitespace run within a paragraph; possessives ("Argo's", "Argo’s") and
 * hyphenated compounds ("Kubernetes-native") match because words are runs of letters and digits; "cert-manager" is
 * one name because its hyphen is part of it. In an ALL-CAPS line, names also match in capitals ("ISTIO"). Nothing is
 * matched inside `inline code` or fenced code, URLs, e-mail addresses, file paths or lower-case domain names; the text
 * of a Markdown or HTML link is prose. A catalog event followed by a year is that year's edition.
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
 * <p><b>Unknown entities.</b> People: a given name (our list and Datafaker's locales) followed by a capitalised
 * surname ("Priya Raman"), or any two capitalised words next to a cue: a speech verb ("said X Y"), a job title ("X Y,
 * CEO of"), a byline ("By X Y"), an introduction ("thanks to X Y"), a handle or an affiliation ("X Y (Acme)"), a link
 * to a profile. Organisations: capitalised words before a company suffix ("Runecast Solutions Ltd."), next to
 * "startup", a person's affiliation, a list after a cue ("companies such as A, B and C"), a link to the company's
 * site. Events and bodies: a head word ("Prometheus Day", "Security SIG"). They get ids in their own namespace,
 * {@code person~:<slug>}, {@code organization~:<slug>}, {@code event~:<slug>} (the "~" says "found by rule, not in
 * the catalog"), and a
 * confidence of 0.6 to 0.85 by evidence. They are never added to the catalog; a catalog entry with the same name wins.
 *
 * <p><b>Salience</b> in [0, 1]: 0.45 when the title names the entity, 0.2 when the lead (first paragraph, at most
 * 400 characters) does, and up to 0.35 more as body mentions add up (1 − 0.7<sup>n</sup>).
 */
public final class EntityExtractor {
  public static final String VERSION = "trendmill-extract-3";

  private static final int LEAD_CHARS = 400;

  private final Lexicon lexicon = Lexicon.get();
  private final NameIndex index;
  private final PeopleRules people;
  private final OrganizationRules organizations;
  private final UnknownEntities unknown;

  public EntityExtractor(Collection<CatalogEntry> catalog) {
    this.index = CatalogNames.index(catalog, lexicon);
    TokenTests tokens = new TokenTests(index, lexicon);
    OrganizationRules organizations = new OrganizationRules(tokens);
    this.people = new PeopleRules(lexicon, tokens, organizations);
    this.organizations = organizations;
    this.unknown = new UnknownEntities(tokens, people, organizations);
  }

  /** How many distinct names (canonical names and aliases) the extractor knows. */
  public int size() {
    return index.names();
  }

  /** The entities named in an article, each once, most salient first. */
  public List<ExtractedEntity> extract(String title, String body) {
    MentionTally article = new MentionTally();
    String t = title == null ? "" : title;
    String b = body == null ? "" : body;
    Field titleField = new Field(new Scanner(t), true, 0);
    Field bodyField = new Field(new Scanner(b), false, leadEnd(b));
    lookUp(titleField);
    lookUp(bodyField);
    people.findPeopleFirst(titleField, article);
    people.findPeopleFirst(bodyField, article);
    match(titleField, article);
    match(bodyField, article);
    HeadWordRules.find(titleField, article);
    HeadWordRules.find(bodyField, article);
    unknown.findLinked(titleField, article);
    unknown.findLinked(bodyField, article);
    organizations.findListedOrganizations(titleField, article);
    organizations.findListedOrganizations(bodyField, article);
    unknown.findUnknown(titleField, article);
    unknown.findUnknown(bodyField, article);
    unknown.countUnknown(titleField, article);
    unknown.countUnknown(bodyField, article);
    return article.resolve();
  }

  /** Every word's slot in the name index, looked up once for all the steps. */
  private void lookUp(Field field) {
    Scanner sc = field.scanner;
    for (int t = 0; t < sc.count; t++) {
      field.slots[t] = index.lookup(sc.text, sc.start[t], sc.end[t], sc.hash[t]);
    }
  }

  private static int leadEnd(String body) {
    int paragraph = body.indexOf("\n\n");
    return paragraph < 0 ? Math.min(body.length(), LEAD_CHARS) : Math.min(paragraph, LEAD_CHARS);
  }



  private void match(Field field, MentionTally article) {
    Scanner sc = field.scanner;
    int n = sc.count;
    for (int t = 0; t < n; t++) {
      NameIndex.Slot slot = field.slots[t];
      if (sc.is(t, Scanner.CODE) || field.covered[t]) {
        continue;
      }
      boolean upperMode = false;
      NameIndex.Name name = slot == null ? null : NameIndex.longest(slot, sc, t, false);
      if (name == null && slot == null && sc.is(t, Scanner.HAS_LETTER) && !sc.is(t, Scanner.ALL_UPPER)) {
        NameIndex.Slot anyCase = index.lookupAnyCase(sc.text, sc.start[t], sc.end[t], sc.lowerHash[t]);
        name = anyCase == null ? null : NameIndex.longest(anyCase, sc, t, true);
      }
      if (name == null && sc.is(t, Scanner.ALL_UPPER) && sc.length(t) > 1 && field.line(t).allCaps()) {
        NameIndex.Slot upper = index.lookupUpper(sc.text, sc.start[t], sc.end[t], sc.hash[t]);
        name = upper == null ? null : NameIndex.longest(upper, sc, t, true);
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
      Evidence level = name.ambiguous() ? AmbiguityEvidence.of(field, name, t, last, upperMode) : Evidence.STRONG;
      if (level != Evidence.REJECT && edition(field, article, name.target().entry(), last)) {
        field.covered[last + 1] = true;
        t = last + 1;
        continue;
      }
      if (level != Evidence.REJECT) {
        article.mention(name.target(), field, t, level, name.ambiguous());
      }
      t = last;
    }
  }

  /** "KubeCon + CloudNativeCon Europe 2024": an event of the catalog followed by a year is that year's edition. */
  private static boolean edition(Field field, MentionTally article, CatalogEntry entry, int last) {
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
}
