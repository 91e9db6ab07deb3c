package dev.trendmill.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Text cleaning for titles (one line) and bodies (paragraphs): the same text typed, pasted or exported differently
 * must come out the same, so ids, de-duplication and entity matching see one form.
 */
final class TextCleanerTest {

  @Test
  void nullStaysNull() {
    assertThat(TextCleaner.cleanLine(null)).isNull();
    assertThat(TextCleaner.cleanText(null)).isNull();
  }

  @Test
  void decomposedCharactersAreComposed() {
    String decomposed = "Cafe\u0301 Zu\u0308rich";

    assertThat(TextCleaner.cleanLine(decomposed)).isEqualTo("Caf\u00e9 Z\u00fcrich");
    assertThat(TextCleaner.cleanText(decomposed)).isEqualTo("Caf\u00e9 Z\u00fcrich");
  }

  @Test
  void controlAndFormatCharactersAreRemovedButJoinersKept() {
    assertThat(TextCleaner.cleanLine("\ufeffa\u0000b\u0007c\u200bd\u00ade\u001bf")).isEqualTo("abcdef");
    assertThat(TextCleaner.cleanLine("\ud83d\udc69\u200d\ud83d\udcbb dev")).isEqualTo("\ud83d\udc69\u200d\ud83d\udcbb dev");
  }

  @Test
  void aLineFoldsEveryKindOfWhitespaceToOneSpace() {
    assertThat(TextCleaner.cleanLine("  Big\t\u00a0 news\n from\r\nthe \u2003 cloud  ")).isEqualTo("Big news from the cloud");
  }

  @Test
  void whitespaceControlsSeparateWordsRatherThanJoinThem() {
    assertThat(TextCleaner.cleanLine("old\rmac")).isEqualTo("old mac");
    assertThat(TextCleaner.cleanLine("form\ffeed")).isEqualTo("form feed");
    assertThat(TextCleaner.cleanLine("vertical\u000Btab")).isEqualTo("vertical tab");
    assertThat(TextCleaner.cleanText("form\ffeed vertical\u000Btab")).isEqualTo("form feed vertical tab");
  }

  @Test
  void aBodyKeepsLinesAndParagraphsButNothingMore() {
    String body = "\n\n  First   line  \r\nsecond\tline\r\r\n \t \n\n\nNext\u00a0paragraph.  \n  \n";

    assertThat(TextCleaner.cleanText(body)).isEqualTo("First line\nsecond line\n\nNext paragraph.");
  }

  @Test
  void cleaningTwiceChangesNothing() {
    String messy = " A\u0301  b\t\n\n\n c\u0000 \r\n d ";

    assertThat(TextCleaner.cleanText(TextCleaner.cleanText(messy))).isEqualTo(TextCleaner.cleanText(messy));
    assertThat(TextCleaner.cleanLine(TextCleaner.cleanLine(messy))).isEqualTo(TextCleaner.cleanLine(messy));
  }
}
