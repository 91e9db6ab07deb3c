package dev.trendmill.enrich.catalog;

import dev.trendmill.enrich.extract.CatalogEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes {@code extract/english-name-words.txt}: the words of catalog names (lower case) that are ordinary English
 * words in a word list: SCOWL's largest American list, Debian's {@code wamerican-huge}
 * ({@code /usr/share/dict/american-english-huge}), which knows newer words such as "dataset" and "workload". The
 * extractor matches a name in any case only when one of its words is not among them, so "kubernetes" is Kubernetes
 * but "operator framework" is not a project. Kept as a file of its own so the service needs no word list at run time.
 *
 * <p>Usage: {@code EnglishNameWords <words> <output.txt>}.
 */
public final class EnglishNameWords {
  private EnglishNameWords() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: EnglishNameWords <words> <output.txt>");
      System.exit(2);
    }
    Set<String> english = FoundationCatalogGenerator.englishWords(Path.of(args[0]));
    Set<String> out = new TreeSet<>();
    for (CatalogEntry entry : BundledCatalog.load()) {
      List<String> names = new ArrayList<>(entry.aliases());
      names.add(entry.name());
      for (String name : names) {
        for (String word : name.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
          if (english.contains(word)) {
            out.add(word);
          }
        }
      }
    }
    writeWordList(Path.of(args[1]), out, List.of(
        "# Words of catalog names that are ordinary English words (SCOWL, via Debian's wamerican-huge), lower case;",
        "# made by dev.trendmill.enrich.catalog.EnglishNameWords. A name matches in any case only when one of its",
        "# words is not here. Several words a line."));
    System.out.println("wrote " + out.size() + " words to " + args[1]);
  }

  /** Writes a word list as {@code Lexicon} reads it: the header's comment lines, then the words, several a line. */
  public static void writeWordList(Path file, Iterable<String> words, List<String> header) throws IOException {
    List<String> lines = new ArrayList<>(header);
    StringBuilder line = new StringBuilder();
    for (String word : words) {
      if (line.length() + word.length() > 110) {
        lines.add(line.toString().strip());
        line.setLength(0);
      }
      line.append(word).append(' ');
    }
    lines.add(line.toString().strip());
    Files.write(file, lines, StandardCharsets.UTF_8);
  }
}
