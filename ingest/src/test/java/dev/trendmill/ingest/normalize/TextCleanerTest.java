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
  void aLetterAndItsAccentComposeAcrossADroppedInvisibleCharacter() {
    assertThat(TextCleaner.cleanText("cafe\ufeff\u0301")).isEqualTo("caf\u00e9");
    assertThat(TextCleaner.cleanLine("cafe\u200b\u0301")).isEqualTo("caf\u00e9");
  }

  @Test
  void cleaningTwiceChangesNothing() {
    String messy = " A\u0301  b\t\n\n\n c\u0000 \r\n d ";

    assertThat(TextCleaner.cleanText(TextCleaner.cleanText(messy))).isEqualTo(TextCleaner.cleanText(messy));
    assertThat(TextCleaner.cleanLine(TextCleaner.cleanLine(messy))).isEqualTo(TextCleaner.cleanLine(messy));
  }

  @Test
  void thePlainTextShortcutAgreesWithItsDefinition() {
    // Question marks matter: a character beyond Latin-1 becomes one in the copy the shortcut scans.
    String alphabet = "ab?? \n\t\r\u0000\u007f\u0080\u00e9\u20ac\u200b\ud83d\udc69";
    java.util.Random random = new java.util.Random(17);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(12);
      for (int i = 0; i < length; i++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String input = text.toString();
      boolean expected = input.chars().allMatch(c -> (c >= 0x20 && c < 0x7F) || c == '\n') && !input.contains("  ");
      assertThat(TextCleaner.isPlainAscii(input)).as("%s", input.chars().mapToObj(Integer::toHexString).toList()).isEqualTo(expected);
    }
  }

  @Test
  void theOnePassCleanerAgreesWithTheRegularExpressionsItReplacedOnRandomText() {
    // The definition it replaced, kept here as the reference (with NFC moved after the dropping and folding).
    java.util.regex.Pattern control = java.util.regex.Pattern.compile("[\\p{Cc}&&[^\\n\\t\\x0B\\f]]|[\\p{Cf}&&[^\\u200d]]");
    java.util.regex.Pattern spaces = java.util.regex.Pattern.compile("[\\t\\x0B\\f \\u00a0\\u2000-\\u200a\\u202f\\u205f\\u3000]+");
    java.util.regex.Pattern blankLines = java.util.regex.Pattern.compile("\\n\\s*\\n+");
    String alphabet = "ab \t\n\r\u000B\f\u0000\u0007\u001b\u007f\u0085\u00a0\u00ad\u2003\u200a\u200b\u200d\u2028\u202f\u3000\ufeff\u00e9e\u0301";
    java.util.Random random = new java.util.Random(13);
    for (int n = 0; n < 5_000; n++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(40);
      boolean plain = n % 3 == 0; // mostly printable ASCII, as most articles are
      for (int i = 0; i < length; i++) {
        if (plain && random.nextInt(20) != 0) {
          text.append(random.nextInt(4) == 0 ? ' ' : random.nextInt(6) == 0 ? '\n' : (char) ('!' + random.nextInt(94)));
          continue;
        }
        text.append(random.nextInt(30) == 0 ? "\ud83d\udc69" : String.valueOf(alphabet.charAt(random.nextInt(alphabet.length()))));
      }
      String input = text.toString();
      String body = input.replace("\r\n", "\n").replace('\r', '\n');
      body = java.text.Normalizer.normalize(spaces.matcher(control.matcher(body).replaceAll("")).replaceAll(" "), java.text.Normalizer.Form.NFC);
      StringBuilder lines = new StringBuilder();
      for (String line : body.split("\n", -1)) {
        lines.append(line.strip()).append('\n');
      }
      String expectedText = blankLines.matcher(lines.toString()).replaceAll("\n\n").strip();
      String line = input.replace('\n', ' ').replace('\r', ' ');
      String expectedLine = java.text.Normalizer.normalize(spaces.matcher(control.matcher(line).replaceAll("")).replaceAll(" "), java.text.Normalizer.Form.NFC).strip();
      assertThat(TextCleaner.cleanText(input)).as("body %s", input.chars().mapToObj(Integer::toHexString).toList()).isEqualTo(expectedText);
      assertThat(TextCleaner.cleanLine(input)).as("line %s", input.chars().mapToObj(Integer::toHexString).toList()).isEqualTo(expectedLine);
      // ArticleParser relies on it: a body that loses no furniture line is not cleaned a second time.
      assertThat(TextCleaner.cleanText(expectedText)).as("twice %s", input.chars().mapToObj(Integer::toHexString).toList()).isEqualTo(expectedText);
    }
  }
}
