package dev.trendmill.enrich.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.trendmill.enrich.catalog.EnglishNameWords;
import dev.trendmill.enrich.catalog.FoundationCatalogGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Pattern;

/**
 * Writes {@code extract/given-names.txt}: the first names of Datafaker's locales (Apache-2.0, the net.datafaker jar on
 * the test classpath) in Latin script, without those that are ordinary English words in a word list (Debian's
 * {@code /usr/share/dict/words}: "Will", "May", "Rose" stay out), so the extractor knows given names from many
 * countries. An offline tool: the service reads only the file it writes.
 *
 * <p>Run: {@code ./mvnw -q -pl enrich test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.trendmill.enrich.tools.GivenNames -Dexec.args="/usr/share/dict/words
 * src/main/resources/extract/given-names.txt"} (from the project root, paths relative to {@code enrich}).
 */
public final class GivenNames {
  private static final Pattern NAME = Pattern.compile("[A-ZÀ-Ý][a-zà-ÿ]{2,}");
  private static final List<String> KEYS = List.of("first_name", "male_first_name", "female_first_name", "neutral_first_name");

  private GivenNames() {}

  public static void main(String[] args) throws IOException, URISyntaxException {
    Set<String> english = FoundationCatalogGenerator.englishWords(Path.of(args[0]));
    Path jar = Path.of(net.datafaker.Faker.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    Set<String> names = new TreeSet<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      for (var entry : java.util.Collections.list(file.entries())) {
        if (!entry.getName().endsWith(".yml")) {
          continue;
        }
        try (InputStream in = file.getInputStream(entry)) {
          JsonNode root = yaml.readTree(in);
          root.properties().forEach(locale -> {
            JsonNode name = locale.getValue().path("faker").path("name");
            for (String key : KEYS) {
              name.path(key).forEach(n -> {
                String given = n.asText();
                if (NAME.matcher(given).matches() && !english.contains(given.toLowerCase(Locale.ROOT))) {
                  names.add(given);
                }
              });
            }
          });
        } catch (IOException | RuntimeException e) {
          // a locale file the YAML reader cannot read holds no names we need
        }
      }
    }
    EnglishNameWords.writeWordList(Path.of(args[1]), names, List.of(
        "# Given names from Datafaker's locales (net.datafaker:datafaker 2.7.0, Apache-2.0), Latin script, without",
        "# ordinary English words; made by dev.trendmill.enrich.tools.GivenNames. Several names a line."));
    System.out.println("wrote " + names.size() + " given names to " + args[1]);
  }
}
