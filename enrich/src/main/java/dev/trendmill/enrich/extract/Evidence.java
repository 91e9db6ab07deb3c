package dev.trendmill.enrich.extract;

/** How sure a mention of an ambiguous name is, weakest first (see {@link EntityExtractor}'s class comment). */
enum Evidence {
  /** The ordinary word ("port 8080", "a kind of"): never the entity. */
  REJECT,
  /** Nothing says which it is. */
  NONE,
  /** Capitalised at a sentence start or in a heading: the entity if the article names a related one. */
  WEAK,
  /** A context term of its category nearby. */
  CONTEXT,
  /** Capitalised mid-sentence, or followed by a company suffix or a version. */
  STRONG;

  boolean atLeast(Evidence other) {
    return compareTo(other) >= 0;
  }

  static Evidence max(Evidence a, Evidence b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
