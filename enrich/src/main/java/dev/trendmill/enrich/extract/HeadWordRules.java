package dev.trendmill.enrich.extract;

import java.util.Arrays;
import java.util.Set;

/**
 * Names recognised by their last word, whatever names they contain: events ("Prometheus Day", "GitOps Days 2022",
 * "San Francisco Linkerd Meetup", "PromCon Berlin 2023", "Linkerd Community Meeting") and a project's or a
 * foundation's bodies ("OpenTelemetry Security SIG", "SIG Storage", "Knative Steering Committee", "CNCF TAG
 * Security", "Prometheus UX Research Working Group"). A name is a run of capitalised words (or words with a capital
 * inside, such as "eBPF", or catalog names) joined by single spaces or hyphens, ending in a head word; an event may
 * be followed by a place or edition word and a year.
 */
final class HeadWordRules {
  /** A name found: its first, head and last token, its type and its text. */
  record Found(int first, int head, int last, String type, String name) {}

  private static final int MAX_HEAD_LENGTH = 24;
  private static final Set<String> EVENT_HEADS =
      Set.of("Day", "Days", "Summit", "Meetup", "Meetups", "Meeting", "Salon", "Conference", "Hackathon", "Webinar",
          "Unconference", "AMA", "Con", "Festival", "Camp", "Hour", "Hours", "Scrub", "Forum", "Symposium", "Expo");
  /** Heads that need a qualifying word before them to be a name ("Happy Hour", "Office Hours", "Bug Scrub"). */
  private static final Set<String> EVENT_HEADS_WITH_QUALIFIER = Set.of("Hour", "Hours", "Scrub", "Forum", "Day", "Days");
  private static final Set<String> BODY_HEADS = Set.of("SIG", "Committee", "Council", "Board", "WG");
  /** The String hashes of every head word, sorted: the scanner has each word's hash, so most words are ruled out by it. */
  private static final int[] HEAD_HASHES = java.util.stream.Stream.of(EVENT_HEADS, BODY_HEADS, Set.of("TAG", "Group", "Groups", "Team"))
      .flatMap(Set::stream).mapToInt(String::hashCode).sorted().distinct().toArray();
  private static final Set<String> EDITION_WORDS =
      Set.of("NA", "EU", "Europe", "North", "America", "Asia", "China", "India", "Japan", "Online", "Virtual", "Latam");
  private static final Set<String> LEADING_STOP =
      Set.of("The", "A", "An", "This", "That", "Our", "Your", "Their", "Its", "Every", "Each", "Next", "Last", "At",
          "In", "On", "For", "During", "After", "Before", "Join", "Attend", "Monday", "Tuesday", "Wednesday",
          "Thursday", "Friday", "Saturday", "Sunday", "Today", "First", "Second", "Third", "Annual", "Weekly",
          "Monthly", "Upcoming", "Recent", "Previous", "My", "We", "Welcome", "Happy", "Good");

  private HeadWordRules() {}

  /** Counts every name found in the field whose head word no earlier step took, and marks its words taken. */
  static void find(Field field, MentionTally article) {
    forEach(field, found -> {
      if (field.covered[found.head()] || TokenTests.allCovered(field, found.first(), found.last())) {
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

  /** Calls {@code sink} for every name found in the field, left to right. */
  private static void forEach(Field field, java.util.function.Consumer<Found> sink) {
    Scanner sc = field.scanner;
    for (int t = 0; t < sc.count; t++) {
      if (sc.is(t, Scanner.CODE)) {
        continue;
      }
      if (!sc.is(t, Scanner.UPPER_FIRST) || sc.length(t) < 2 || sc.length(t) > MAX_HEAD_LENGTH
          || (Arrays.binarySearch(HEAD_HASHES, sc.hash[t]) < 0 && !endsWithCon(sc, t))) {
        continue; // a word no head word's hash matches: skipped without making a string
      }
      String word = sc.word(t);
      String type = head(sc, t, word);
      if (type == null) {
        continue;
      }
      int first = t;
      boolean conWord = word.length() > 3 && word.endsWith("Con") && type.equals("event");
      while (!conWord && first > 0 && t - first < 5 && joined(sc.between(first - 1)) && nameWord(sc, first - 1)
          && !(first - 1 > 0 && field.sentenceStart(first - 1) && LEADING_STOP.contains(sc.word(first - 1)))) {
        first--;
      }
      if (first < t && LEADING_STOP.contains(sc.word(first))) {
        first++;
      }
      if (first == t && !conWord && (type.equals("event") || !word.equals("SIG"))) {
        if (!(word.equals("SIG") || word.equals("TAG")) || !followedByName(sc, t)) {
          continue; // a head word alone ("the summit", "a Meetup") names nothing
        }
      }
      if (type.equals("event") && EVENT_HEADS_WITH_QUALIFIER.contains(word) && t - first < 1) {
        continue;
      }
      int last = t;
      if (type.equals("organization") && (word.equals("SIG") || word.equals("TAG")) && first == t) {
        while (last + 1 < sc.count && last - t < 3 && sc.between(last).equals(" ") && nameWord(sc, last + 1)) {
          last++; // "SIG Storage", "TAG Contributor Experience"
        }
      }
      if (type.equals("event")) {
        if (last + 2 < sc.count && sc.between(last).equals(" ") && sc.is(last + 1, Scanner.UPPER_FIRST)
            && sc.between(last + 1).equals(" ") && year(sc, last + 2)) {
          last++; // "PromCon Berlin 2023"
        }
        while (last + 1 < sc.count && last - t < 2 && sc.between(last).equals(" ") && EDITION_WORDS.contains(sc.word(last + 1))) {
          last++;
        }
        if (last + 1 < sc.count && sc.between(last).equals(" ") && year(sc, last + 1)) {
          last++;
        }
      }
      if (last == first || (last == first + 1 && sc.word(first).equals("Working"))) {
        continue; // a head word alone ("the SIG", "a Working Group") names nothing
      }
      if (field.masked(first, last)) {
        continue;
      }
      sink.accept(new Found(first, t, last, type, words(sc, first, last)));
      t = last;
    }
  }

  private static boolean endsWithCon(Scanner sc, int t) {
    int end = sc.end[t];
    return sc.length(t) > 3 && sc.text.startsWith("Con", end - 3);
  }

  private static String head(Scanner sc, int t, String word) {
    if (EVENT_HEADS.contains(word) || (word.length() > 3 && word.endsWith("Con") && sc.is(t, Scanner.UPPER_FIRST)
        && Character.isLowerCase(word.charAt(word.length() - 4)))) {
      return "event";
    }
    if (BODY_HEADS.contains(word) || word.equals("TAG")) {
      return "organization";
    }
    if ((word.equals("Group") || word.equals("Groups")) && t > 0 && sc.word(t - 1).equals("Working")) {
      return "organization";
    }
    if ((word.equals("Team")) && t > 0 && sc.is(t - 1, Scanner.UPPER_FIRST) && sc.between(t - 1).equals(" ")) {
      return "organization";
    }
    return null;
  }

  private static boolean followedByName(Scanner sc, int t) {
    return t + 1 < sc.count && sc.between(t).equals(" ") && nameWord(sc, t + 1);
  }

  /** A word that can be part of a name: capitalised, or with a capital inside ("eBPF", "gRPC"). */
  private static boolean nameWord(Scanner sc, int t) {
    if (sc.is(t, Scanner.CODE) || !sc.is(t, Scanner.HAS_LETTER)) {
      return false;
    }
    if (sc.is(t, Scanner.UPPER_FIRST)) {
      return true;
    }
    String word = sc.word(t);
    for (int i = 1; i < word.length(); i++) {
      if (Character.isUpperCase(word.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean joined(String between) {
    return between.equals("-") || TokenTests.softSpace(between);
  }

  private static boolean year(Scanner sc, int t) {
    if (sc.length(t) != 4) {
      return false;
    }
    String word = sc.word(t);
    return (word.startsWith("19") || word.startsWith("20")) && word.chars().allMatch(Character::isDigit);
  }

  private static String words(Scanner sc, int first, int last) {
    StringBuilder out = new StringBuilder(sc.word(first));
    for (int t = first + 1; t <= last; t++) {
      out.append(sc.between(t - 1).equals("-") ? "-" : " ").append(sc.word(t));
    }
    return out.toString();
  }
}
