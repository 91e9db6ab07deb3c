package dev.trendmill.ingest.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognizes lines of page furniture in scraped text: share buttons, login and subscribe prompts, cookie banners,
 * navigation bars, "related articles" blocks with other headlines, their bylines and ages ("3 hours ago"). Only lines
 * that are clearly furniture go; a sentence of the article that mentions subscribing stays (furniture lines are short
 * and have no sentence of their own). Pure: used on plain-text bodies and on the blocks the HTML pass keeps.
 */
public final class PageFurniture {
  private static final int SHORT = 140;

  private static final Pattern SHARE =
      Pattern.compile(
          "(?i)^(\\d+[\\s|·•/,:-]+)*(share( this( article| story| post)?)?( on)?|tweet|facebook|twitter|linkedin|reddit|whatsapp|telegram|email|e-mail|print|copy( the)? link|pinterest|mastodon|bluesky|comments?( \\(\\d+\\))?)"
              + "([\\s|·•/,:-]+(share( on)?|tweet|facebook|twitter|x|linkedin|reddit|whatsapp|telegram|email|e-mail|print|save|comments?( \\(\\d+\\))?|copy( the)? link|pinterest|mastodon|bluesky|\\d+))*[\\s:]*$");
  private static final Pattern PROMPT =
      Pattern.compile(
          "(?i)\\b(sign in|log in|login|sign up|subscribe|subscription|newsletter|create (a |your )?(free )?account|already a (member|subscriber)|register (now|for free)|unlock (this|full) (article|story)|become a member|support our journalism)\\b"
              // Not a name in code or a possessive: "Subscription.Spec.Channel", "Fix Subscription's channel".
              + "(?![.'’]\\p{L})");
  private static final Pattern COOKIES =
      Pattern.compile("(?i)\\b(cookies?|cookie policy|consent)\\b.*\\b(accept|agree|use|settings|manage|preferences)\\b|\\b(accept|reject) (all )?cookies\\b");
  private static final Pattern AGE =
      Pattern.compile("(?i)\\b(\\d+|an?|one)\\s*(s|sec|secs|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|months?)\\s+ago\\b|\\b(just now|yesterday)\\s*$");
  private static final Pattern RELATED_HEADING =
      Pattern.compile(
          "(?i)^(related( articles| stories| posts| coverage| reading| content)?|more (from|stories|news|on this|in)\\b.*|read (more|next|also)|see also|you (may|might) also like|recommended( for you| reading)?|trending( now| stories)?|most (read|popular|viewed)|popular( now| stories)?|latest (news|stories|headlines)|top stories|further reading|editor'?s picks|what to read next|keep reading|more like (this|these)|upcoming (events|meetups|talks|sessions)"
              // A site's table of contents opens a block of the article's own headings, links at the top of the page.
              + "|in this (article|post|story)|on this page)\\s*:?\\s*$");
  private static final String NAV_SEPARATOR_CHARS = "|·•›»";
  private static final Pattern NAV_SEPARATORS = Pattern.compile("\\s*[" + NAV_SEPARATOR_CHARS + "]\\s*");
  private static final Pattern SINGLE_WORDS =
      Pattern.compile(
          "(?i)^(advertisement|sponsored( content)?|skip to (main )?content|menu|search|home|back to top|comments?( \\(\\d+\\))?|\\d+ comments?|show comments|leave a comment|images?:.*|photos?:.*|getty images|read more|continue reading|load more|previous( article)?|next( article)?|tags?:.*|filed under:?.*|all rights reserved.*|©.*|copyright .*|terms( of (use|service))?|privacy( policy)?|contact us|about us)\\s*$");
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?…\"”']\\s*$");

  // What each search needs on a line before it runs (PageFurnitureTest pins each word).
  /** Words, in lower case, at least one of which every match of {@link #COOKIES} holds. */
  private static final String[] COOKIE_WORDS = {"cookie", "consent"};
  /** Likewise for {@link #PROMPT}. */
  private static final String[] PROMPT_WORDS = {
    "sign ", "log in", "login", "subscri", "newsletter", "account", "already", "register", "unlock", "member", "journalism"
  };
  /** Likewise for {@link #AGE}. */
  private static final String[] AGE_WORDS = {"ago", "just now", "yesterday"};

  private PageFurniture() {}

  /** A line that is page furniture on its own, whatever surrounds it. */
  public static boolean isFurnitureLine(String line) {
    String text = line.strip();
    if (text.isEmpty() || text.length() > SHORT) {
      return false;
    }
    if (SHARE.matcher(text).matches() || SINGLE_WORDS.matcher(text).matches() || isNavigation(text)) {
      return true;
    }
    // The searches below run only on lines holding a word each needs: on hard-wrapped prose, where every line is
    // short, running them all on every line made this most of the time spent parsing an article.
    String lower = text.toLowerCase(Locale.ROOT);
    if (containsAny(lower, COOKIE_WORDS) && COOKIES.matcher(lower).find() && text.length() < SHORT) {
      return true;
    }
    if (containsAny(lower, PROMPT_WORDS)
        && PROMPT.matcher(text).find()
        && (text.length() < 80 || !SENTENCE_END.matcher(text).find() || lower.contains("already"))) {
      return true;
    }
    // "By Jane Doe · 3 hours ago" or "2 hours ago": the byline and age of some other headline.
    return text.length() < 80 && containsAny(lower, AGE_WORDS) && AGE.matcher(text).find();
  }

  /** A line holding a sign-in, sign-up, subscribe or newsletter prompt, however long: for where a page's tail begins. */
  public static boolean hasPrompt(String line) {
    String lower = line.toLowerCase(Locale.ROOT);
    return containsAny(lower, PROMPT_WORDS) && PROMPT.matcher(line).find();
  }

  /** One intrinsic search per separator, where a stream over the line's chars ran a lambda for each (every line). */
  private static boolean containsAnyChar(String text, String chars) {
    for (int i = 0; i < chars.length(); i++) {
      if (text.indexOf(chars.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean containsAny(String lower, String[] words) {
    for (String word : words) {
      if (lower.contains(word)) {
        return true;
      }
    }
    return false;
  }

  /** A heading that opens a block of other headlines ("Related articles", "Most read", "More from..."). */
  public static boolean isRelatedHeading(String line) {
    String text = line.strip();
    return text.length() <= 60 && RELATED_HEADING.matcher(text).matches();
  }

  private static boolean isNavigation(String text) {
    if (!containsAnyChar(text, NAV_SEPARATOR_CHARS)) {
      return false; // no separator, one part: the split is not worth making
    }
    String[] parts = NAV_SEPARATORS.split(text);
    if (parts.length < 3) {
      return false;
    }
    for (String part : parts) {
      if (part.split("\\s+").length > 4) {
        return false;
      }
    }
    return true;
  }

  /**
   * Removes furniture lines and "related" blocks from a body of lines: after a related-heading, the short lines
   * that follow (other headlines, bylines, ages) go with it, up to the next line that reads like prose. A text that
   * loses no line comes back as the same instance, so a caller can tell.
   */
  public static String strip(String text) {
    if (text == null) {
      return null;
    }
    List<String> kept = new ArrayList<>();
    boolean inRelated = false;
    String[] lines = text.split("\n", -1);
    for (String line : lines) {
      String trimmed = line.strip();
      if (isRelatedHeading(trimmed)) {
        inRelated = true;
        continue;
      }
      if (inRelated) {
        if (trimmed.isEmpty() || looksLikeHeadline(trimmed)) {
          continue;
        }
        inRelated = false;
      }
      if (isFurnitureLine(trimmed)) {
        continue;
      }
      kept.add(line);
    }
    return kept.size() == lines.length ? text : String.join("\n", kept);
  }

  /** Short, not a finished sentence, or a byline/age: a headline in a list of other stories. */
  private static boolean looksLikeHeadline(String line) {
    if (isFurnitureLine(line) || line.startsWith("- ") || line.startsWith("* ") || line.startsWith("• ")) {
      return true;
    }
    return line.length() <= 120 && !SENTENCE_END.matcher(line).find();
  }
}
