package dev.trendmill.ingest.normalize;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Where an article stops on a page whose text runs on into the site's tail: the first end marker (a share row, a
 * tags line, a "Related" heading, a comment form, a newsletter prompt, pagination, the footer's copyright) after which
 * no paragraph of prose follows and little text is left (a tail is short; release notes after an "Advertisement" line
 * are not), moved up over the short blocks just above it that open with a heading or a prompt ("Missed a session?",
 * "Thank you to our sponsors", "Thanks for reading! Subscribe for free..."). Everything from there on is the tail. A
 * post's own closing lines stay when they are sentences ("See you in Detroit!"); a closing line that reads like a
 * heading may go with the tail. Pure.
 */
public final class PageTail {
  /** A line this long that ends a sentence is a paragraph of prose: the tail has not begun above it. */
  private static final int PROSE = 160;
  /** Lines above the marker shorter than this may belong to the tail's first blocks. */
  private static final int SHORT = 120;
  private static final int HEADING_WORDS = 8;
  /** The most short lines above a marker that may still be the tail's blocks. */
  private static final int BLOCK_LINES = 12;
  /** The most text a tail holds in lines of a few words or more, furniture lines aside. */
  private static final int TAIL_TEXT = 1_000;
  private static final int TEXT_WORDS = 5;

  /** A sentence's end, closing quotes and brackets included: "(Photo by Jane Doe on Unsplash.)". Not "?": see isHeading. */
  private static final Pattern SENTENCE_END = Pattern.compile("[.!…][\"”'’)\\]]*\\s*$");
  private static final Pattern END_MARKER =
      Pattern.compile(
          "(?i)^(share (this|on)\\b.*|share:.*|spread the word.*|(tags|topics|categories|tagged|filed under|posted in)\\b.*|leave a (reply|comment).*|\\d+ comments?.*|join the conversation.*"
              + "|[«‹←]\\s*(prev|previous|older)\\b.*|(prev|previous|next|older|newer) (post|article|story|entry)\\b.*|.*\\b(next|newer)\\s*[»›→]"
              + "|was this (post|article|page) (helpful|useful).*|powered by .*|back to top.*)$");

  private PageTail() {}

  /** The text without the page's tail; the same instance when there is none. */
  public static String cut(String text) {
    String[] lines = text.split("\n", -1);
    int lastProse = -1;
    for (int i = 0; i < lines.length; i++) {
      if (isProse(lines[i].strip())) {
        lastProse = i;
      }
    }
    int[] textAfter = new int[lines.length + 1]; // characters of text from each line on
    for (int i = lines.length - 1; i >= 0; i--) {
      textAfter[i] = textAfter[i + 1] + (isText(lines[i].strip()) ? lines[i].strip().length() : 0);
    }
    // The first marker after some text: a share row above the text is the page's head, not its tail.
    int firstText = 0;
    while (firstText < lines.length && !isText(lines[firstText].strip())) {
      firstText++;
    }
    int marker = -1;
    for (int i = Math.max(lastProse, firstText) + 1; i < lines.length && marker < 0; i++) {
      marker = textAfter[i] <= TAIL_TEXT && isEndMarker(lines[i].strip()) ? i : -1;
    }
    if (marker < 0) {
      return text;
    }
    // A few short lines just above the marker: from the first that reads as a heading, they are the tail's blocks.
    // A longer run of short lines is the article's own list (release notes, contributors).
    int top = marker;
    int shortLines = 0;
    for (int i = marker - 1; i > lastProse; i--) {
      String line = lines[i].strip();
      if (line.length() >= SHORT) {
        break;
      }
      top = line.isEmpty() ? top : i;
      shortLines += line.isEmpty() ? 0 : 1;
    }
    if (shortLines > BLOCK_LINES) {
      top = marker;
    }
    int start = marker;
    for (int i = top; i < marker; i++) {
      if (isHeading(lines[i].strip()) || PageFurniture.hasPrompt(lines[i])) {
        start = i;
        break;
      }
    }
    return String.join("\n", Arrays.copyOfRange(lines, 0, start));
  }

  /** A line that ends an article when no prose follows it: furniture, or a marker of a page's tail. */
  static boolean isEndMarker(String line) {
    if (line.isEmpty() || line.length() > 100) {
      return false;
    }
    return PageFurniture.isRelatedHeading(line) || PageFurniture.isFurnitureLine(line) || END_MARKER.matcher(line).matches();
  }

  private static boolean isText(String line) {
    return line.split("\\s+").length >= TEXT_WORDS && !PageFurniture.isFurnitureLine(line);
  }

  private static boolean isProse(String line) {
    return line.length() >= PROSE && SENTENCE_END.matcher(line).find() && !PageFurniture.isFurnitureLine(line);
  }

  /** Short and not a finished sentence (a question or a label may be a heading): "Missed a session?", "Our partners". */
  private static boolean isHeading(String line) {
    return !line.isEmpty() && line.split("\\s+").length <= HEADING_WORDS && !SENTENCE_END.matcher(line).find();
  }
}
