package dev.trendmill.ingest.normalize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Real text in many languages, read at test time from the gettext catalogues (.mo) that Debian's packages install
 * under /usr/share/locale: the translated messages of each language, and the English originals beside them. Nothing
 * is copied into the repository; where the folder is missing the samples are empty.
 *
 * <p>Written by hand because no Java library reads .mo files, and the format is only a header and two tables of
 * (length, offset) pairs.
 */
final class GettextCatalogs {
  /** Locale folders per ISO 639-1 code, for the languages {@link Languages} supports. */
  static final Map<String, List<String>> LOCALES =
      Map.ofEntries(
          Map.entry("de", List.of("de")), Map.entry("fr", List.of("fr")), Map.entry("es", List.of("es")), Map.entry("it", List.of("it")),
          Map.entry("pt", List.of("pt", "pt_BR")), Map.entry("nl", List.of("nl")), Map.entry("sv", List.of("sv")), Map.entry("pl", List.of("pl")),
          Map.entry("ru", List.of("ru")), Map.entry("uk", List.of("uk")), Map.entry("tr", List.of("tr")), Map.entry("ja", List.of("ja")),
          Map.entry("zh", List.of("zh_CN", "zh_TW")), Map.entry("ko", List.of("ko")));
  /** The English originals come from the catalogues of this locale. */
  private static final String ENGLISH_FROM = "de";
  /** Lengths the texts cycle through, from a few UI lines to a full sample, in characters. */
  private static final int[] TEXT_LENGTHS = {150, 400, 1000};
  private static final int MAGIC = 0x950412de;

  private GettextCatalogs() {}

  /** One original message and its translation (the first plural form where there are several). */
  record Message(String original, String translation) {}

  /**
   * Up to {@code perLanguage} texts per ISO 639-1 code, each a run of consecutive messages of one catalogue joined by
   * line breaks until it is 150, 400 or 1,000 characters long, taken from the catalogues in turn. Catalogues of names
   * (iso-codes: languages, countries, currencies) are left out: they are lists, not sentences.
   */
  static Map<String, List<String>> sampleTexts(Path localeRoot, int perLanguage) {
    Map<String, List<String>> texts = new LinkedHashMap<>();
    List<List<String>> originals = new ArrayList<>();
    for (Map.Entry<String, List<String>> language : LOCALES.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
      List<List<String>> translated = new ArrayList<>();
      for (String locale : language.getValue()) {
        for (Path catalogue : catalogues(localeRoot.resolve(locale).resolve("LC_MESSAGES"))) {
          List<Message> messages = read(catalogue);
          translated.add(joined(messages.stream().map(Message::translation).toList()));
          if (locale.equals(ENGLISH_FROM)) {
            originals.add(joined(messages.stream().map(Message::original).toList()));
          }
        }
      }
      addSample(texts, language.getKey(), translated, perLanguage);
    }
    addSample(texts, "en", originals, perLanguage);
    return texts;
  }

  /** The translated messages of a catalogue, without its header and without messages left untranslated. */
  static List<Message> read(Path catalogue) {
    ByteBuffer bytes;
    try {
      bytes = ByteBuffer.wrap(Files.readAllBytes(catalogue)).order(ByteOrder.LITTLE_ENDIAN);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (bytes.limit() < 20) {
      return List.of();
    }
    if (bytes.getInt(0) != MAGIC) {
      bytes.order(ByteOrder.BIG_ENDIAN);
      if (bytes.getInt(0) != MAGIC) {
        return List.of();
      }
    }
    int count = bytes.getInt(8);
    int originals = bytes.getInt(12);
    int translations = bytes.getInt(16);
    List<Message> messages = new ArrayList<>(count);
    try {
      for (int i = 0; i < count; i++) {
        String original = firstForm(string(bytes, originals + 8 * i));
        String translation = firstForm(string(bytes, translations + 8 * i));
        if (!original.isEmpty() && !translation.isBlank() && !translation.equals(original)) {
          messages.add(new Message(original, translation));
        }
      }
    } catch (IndexOutOfBoundsException | BufferUnderflowException e) {
      return List.of();
    }
    return messages;
  }

  private static String string(ByteBuffer bytes, int entry) {
    int length = bytes.getInt(entry);
    int offset = bytes.getInt(entry + 4);
    return new String(bytes.array(), offset, length, StandardCharsets.UTF_8);
  }

  /** Plural forms are separated by NUL; the context, where there is one, ends in EOT. */
  private static String firstForm(String string) {
    String withoutContext = string.substring(string.indexOf('\u0004') + 1);
    int nul = withoutContext.indexOf('\0');
    return nul < 0 ? withoutContext : withoutContext.substring(0, nul);
  }

  private static List<Path> catalogues(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(file -> file.getFileName().toString().endsWith(".mo") && !file.getFileName().toString().startsWith("iso_"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> joined(List<String> messages) {
    List<String> texts = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (String message : messages) {
      text.append(message).append('\n');
      if (text.length() >= TEXT_LENGTHS[texts.size() % TEXT_LENGTHS.length]) {
        texts.add(text.toString());
        text.setLength(0);
      }
    }
    return texts;
  }

  /** Up to {@code max} texts, the first of each catalogue, then the second of each, and so on. */
  private static void addSample(Map<String, List<String>> texts, String language, List<List<String>> perCatalogue, int max) {
    List<String> sample = texts.computeIfAbsent(language, key -> new ArrayList<>());
    for (int i = 0; sample.size() < max; i++) {
      boolean any = false;
      for (List<String> catalogue : perCatalogue) {
        if (i < catalogue.size() && sample.size() < max) {
          sample.add(catalogue.get(i));
          any = true;
        }
      }
      if (!any) {
        break;
      }
    }
    if (sample.isEmpty()) {
      texts.remove(language);
    }
  }
}
