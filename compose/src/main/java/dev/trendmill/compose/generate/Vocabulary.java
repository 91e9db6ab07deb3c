package dev.trendmill.compose.generate;

import dev.trendmill.enrich.extract.EntityExtractor;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Our own word lists for filler text: plain lower-case English that names nothing. Sentences are drawn slot by slot
 * (determiner, adjective, noun, verb...), so two generated articles share almost no three-word shingles and ingest's
 * near-duplicate check keeps them apart. Every sentence starts with a determiner and a planted name always follows a
 * lower-case verb, so no rule for people or companies fires on capitalised filler.
 */
final class Vocabulary {
  static final List<String> DETERMINERS = List.of("the", "each", "every", "one", "another", "some", "many", "several", "most", "our", "their", "this", "that");
  static final List<String> OPENERS = List.of("The", "Each", "Every", "One", "Another", "Some", "Many", "Several", "Most", "Our", "Their", "This", "That");
  static final List<String> ADJECTIVES =
      List.of(
          "quiet", "steady", "careful", "early", "late", "small", "large", "narrow", "broad", "thorough", "simple", "modest",
          "patient", "useful", "clear", "uneven", "familiar", "recent", "gradual", "sudden", "practical", "honest", "costly",
          "cheap", "brittle", "robust", "shared", "private", "regional", "internal", "external", "frequent", "rare", "slow",
          "rapid", "formal", "informal", "detailed", "rough", "tidy", "messy", "visible", "hidden", "manual", "automatic",
          "weekly", "monthly", "yearly", "daily", "partial", "complete", "fragile", "mature", "young", "older", "newer",
          "quieter", "louder", "smaller", "larger", "leaner", "heavier", "curious", "skeptical", "eager", "reluctant",
          "measured", "deliberate", "hurried", "sensible", "awkward", "elegant", "plain", "subtle", "obvious", "odd");
  static final List<String> NOUNS =
      List.of(
          "team", "budget", "roadmap", "review", "meeting", "migration", "rollout", "outage", "incident", "report", "survey",
          "workload", "release", "feature", "pipeline", "dashboard", "checklist", "handbook", "process", "decision", "trial",
          "pilot", "contract", "vendor", "customer", "partner", "engineer", "manager", "analyst", "operator", "developer",
          "maintainer", "contributor", "reviewer", "auditor", "architect", "estimate", "forecast", "baseline", "target",
          "deadline", "quarter", "season", "weekend", "morning", "evening", "afternoon", "project", "proposal", "draft",
          "summary", "question", "answer", "lesson", "mistake", "habit", "pattern", "trend", "signal", "metric", "chart",
          "table", "ledger", "invoice", "account", "region", "office", "campus", "hallway", "stage", "panel", "keynote",
          "workshop", "session", "booth", "talk", "audience", "crowd", "speaker", "venue", "ticket", "schedule", "agenda",
          "backlog", "sprint", "ticketing", "upgrade", "downgrade", "patch", "fix", "bug", "regression", "benchmark",
          "experiment", "prototype", "sample", "dataset", "archive", "library", "toolkit", "template", "playbook",
          "runbook", "guideline", "policy", "standard", "audit", "budgeting", "hiring", "training", "mentoring", "onboarding",
          "feedback", "interview", "newsletter", "article", "column", "chapter", "paragraph", "footnote", "headline");
  static final List<String> VERBS =
      List.of(
          "reviewed", "adopted", "compared", "measured", "questioned", "praised", "criticised", "tested", "documented",
          "replaced", "extended", "simplified", "delayed", "accelerated", "funded", "shelved", "revisited", "explained",
          "described", "mentioned", "evaluated", "benchmarked", "examined", "summarised", "welcomed", "doubted",
          "recommended", "discussed", "highlighted", "studied", "audited", "planned", "trialled", "deployed", "retired",
          "promoted", "catalogued", "tracked", "watched", "considered", "weighed", "chose", "preferred", "favoured",
          "trusted", "outlined", "sketched", "mapped", "ranked", "scored", "noted", "cited", "quoted", "referenced",
          "analysed", "reported", "surveyed", "inspected", "piloted", "reworked");
  static final List<String> ADVERBS =
      List.of(
          "quietly", "slowly", "quickly", "carefully", "openly", "briefly", "rarely", "often", "again", "already", "finally",
          "gradually", "suddenly", "mostly", "partly", "largely", "barely", "clearly", "loosely", "firmly", "calmly",
          "eagerly", "reluctantly", "cautiously", "repeatedly", "recently", "eventually", "initially", "happily", "sadly");
  static final List<String> PREPOSITIONS =
      List.of("for", "with", "after", "before", "during", "across", "within", "beyond", "under", "around", "against", "despite", "near", "among", "without");

  private Vocabulary() {}

  /** Every list word, for the check that none of them is a name the extractor knows. */
  static List<String> allWords() {
    return java.util.stream.Stream.of(DETERMINERS, ADJECTIVES, NOUNS, VERBS, ADVERBS, PREPOSITIONS).flatMap(List::stream).toList();
  }

  /** A filler sentence without names. */
  static void sentence(SplittableRandom random, StringBuilder out) {
    out.append(pick(random, OPENERS)).append(' ').append(pick(random, ADJECTIVES)).append(' ').append(pick(random, NOUNS)).append(' ');
    out.append(pick(random, VERBS)).append(' ').append(pick(random, DETERMINERS)).append(' ');
    out.append(pick(random, ADJECTIVES)).append(' ').append(pick(random, NOUNS));
    tail(random, out);
  }

  /** A sentence naming {@code name}, after a lower-case verb and before a lower-case preposition. */
  static void sentenceNaming(SplittableRandom random, String name, StringBuilder out) {
    out.append(pick(random, OPENERS)).append(' ').append(pick(random, ADJECTIVES)).append(' ').append(pick(random, NOUNS)).append(' ');
    out.append(pick(random, VERBS)).append(' ').append(name);
    tail(random, out);
  }

  private static void tail(SplittableRandom random, StringBuilder out) {
    out.append(' ').append(pick(random, PREPOSITIONS)).append(' ').append(pick(random, DETERMINERS)).append(' ');
    out.append(pick(random, ADJECTIVES)).append(' ').append(pick(random, NOUNS));
    if (random.nextInt(3) == 0) {
      out.append(", ").append(pick(random, ADVERBS)).append(' ').append(pick(random, VERBS)).append(' ').append(pick(random, PREPOSITIONS));
      out.append(' ').append(pick(random, DETERMINERS)).append(' ').append(pick(random, NOUNS));
    }
    out.append('.');
  }

  static String pick(SplittableRandom random, List<String> words) {
    return words.get(random.nextInt(words.size()));
  }

  /** The list words the extractor finds something in, even next to strong context; empty when the lists are clean. */
  static List<String> wordsNamingSomething(EntityExtractor extractor) {
    return allWords().stream()
        .filter(word -> !extractor.extract("notes", "Kubernetes cluster " + word + " cluster metrics policy " + word + ".").stream()
            .allMatch(e -> e.id().equals("project:kubernetes")))
        .toList();
  }
}
