package dev.trendmill.enrich.catalog;

import dev.trendmill.enrich.extract.Slugs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.trendmill.enrich.extract.CatalogEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Derives two more catalog files from the foundations' own project lists (see {@code catalog/NOTICE.md}):
 *
 * <ul>
 *   <li>the Linux Foundation landscape ({@code lf-landscape.yml} of {@code jmertic/lf-landscape}, the CNCF format):
 *       items of its "Projects" category become {@code project} entities, or {@code organization} entities when the
 *       name says the item is a body ("... Foundation", "... Alliance", "... Consortium", "... Working Group",
 *       "SIG ..."); items of "LF Members" become organizations (name without " (member)", membership level kept);
 *   <li>the Apache Software Foundation's project list ({@code projects.json} of {@code apache/comdev-projects}):
 *       every project, "Apache Kafka" also answering to "Kafka".
 * </ul>
 *
 * Aliases follow {@link LandscapeCatalogGenerator#aliases}, but a parenthesised short form that is a generic
 * acronym ("ONAP Command Line Interface (CLI)") is not kept. With a word list (one word per line, such as Debian's
 * {@code /usr/share/dict/words} from SCOWL), an entity with a one-word name or alias that is a lower-case English word
 * ("Here", "Perspective", "Click") is marked {@code ambiguous}, so the extractor wants evidence for it. Entities the CNCF landscape already has are merged into
 * it when the catalog loads ({@link BundledCatalog}), so these files may repeat them.
 *
 * <p>Usage: {@code FoundationCatalogGenerator <lf-landscape.yml> <apache-projects.json> <out-dir> [words]}.
 */
public final class FoundationCatalogGenerator {
  public static final String LF_FILE = "lf-catalog.jsonl";
  public static final String APACHE_FILE = "apache-catalog.jsonl";

  static final String LF_PROJECTS = "Projects";
  static final String LF_MEMBERS = "LF Members";
  private static final Pattern BODY = Pattern.compile(
      "\\b(?:Foundation|Alliance|Consortium|Working Group|Special Interest Group|Council|Association)\\b"
          + "|^SIG\\b|\\bSIG$|\\bFund\\b");
  private static final Pattern MEMBER_SUFFIX = Pattern.compile("\\s*\\((?:member|supporter|contributor)\\)\\s*$");
  /** Acronyms that name a kind of thing, not one thing: never an alias. */
  private static final Set<String> GENERIC_ACRONYMS = Set.of(
      "API", "CLI", "SDK", "UI", "GUI", "IDE", "OS", "AI", "ML", "CI", "CD", "WG", "SIG", "TSC", "TOC", "DB", "VM",
      "IoT", "IOT", "PKI", "TAG", "SPEC", "LLM", "GPU", "CPU", "OSS", "FAQ", "PMC", "PoC", "POC", "MVP");
  private static final Pattern APACHE_PREFIX = Pattern.compile("^Apache\\s+(.+)$");

  private FoundationCatalogGenerator() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 3 || args.length > 4) {
      System.err.println("usage: FoundationCatalogGenerator <lf-landscape.yml> <apache-projects.json> <out-dir> [words]");
      System.exit(2);
    }
    Path out = Path.of(args[2]);
    Set<String> words = args.length == 4 ? englishWords(Path.of(args[3])) : Set.of();
    Files.createDirectories(out);
    try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
      write(linuxFoundation(new ObjectMapper(largeYaml()).readTree(in), words), out.resolve(LF_FILE));
    }
    try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
      write(apache(new ObjectMapper().readTree(in), words), out.resolve(APACHE_FILE));
    }
  }

  /** The Linux Foundation landscape is larger than SnakeYAML's default 3 M code-point limit. */
  private static YAMLFactory largeYaml() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(64 * 1024 * 1024);
    return YAMLFactory.builder().loaderOptions(options).build();
  }

  private static void write(List<CatalogEntry> entries, Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      LandscapeCatalogGenerator.writeJsonl(entries, w);
    }
    System.out.println("wrote " + entries.size() + " entities to " + file);
  }

  /** The Linux Foundation landscape's projects, bodies and members, sorted by id. */
  public static List<CatalogEntry> linuxFoundation(JsonNode root, Set<String> englishWords) {
    Map<String, CatalogEntry> byId = new LinkedHashMap<>();
    for (JsonNode category : root.path("landscape")) {
      String categoryName = category.path("name").asText("");
      boolean projects = categoryName.equals(LF_PROJECTS);
      boolean members = categoryName.equals(LF_MEMBERS);
      if (!projects && !members) {
        continue;
      }
      for (JsonNode subcategory : category.path("subcategories")) {
        for (JsonNode item : subcategory.path("items")) {
          String name = MEMBER_SUFFIX.matcher(item.path("name").asText("")).replaceFirst("").strip();
          String type = members || BODY.matcher(name).find()
              ? LandscapeCatalogGenerator.ORGANIZATION
              : LandscapeCatalogGenerator.PROJECT;
          Map<String, String> attributes = new LinkedHashMap<>();
          attributes.put("source", "lf-landscape");
          put(attributes, "homepage", item.path("homepage_url").asText(""));
          put(attributes, "repository", item.path("repo_url").asText(""));
          if (members) {
            put(attributes, "lf.membership", subcategory.path("name").asText(""));
          }
          add(byId, type, name, List.of(), attributes, englishWords);
        }
      }
    }
    return sorted(byId);
  }

  /** The Apache Software Foundation's projects, sorted by id. */
  public static List<CatalogEntry> apache(JsonNode projects, Set<String> englishWords) {
    Map<String, CatalogEntry> byId = new LinkedHashMap<>();
    projects.forEach(project -> {
      String name = project.path("name").asText("").strip();
      Matcher bare = APACHE_PREFIX.matcher(name);
      List<String> extra = bare.matches() ? List.of(bare.group(1).strip()) : List.of();
      Map<String, String> attributes = new LinkedHashMap<>();
      attributes.put("source", "apache-projects");
      attributes.put("organization", "organization:apache-software-foundation");
      put(attributes, "homepage", project.path("homepage").asText(""));
      put(attributes, "apache.category", project.path("category").asText(""));
      add(byId, LandscapeCatalogGenerator.PROJECT, name, extra, attributes, englishWords);
    });
    return sorted(byId);
  }

  private static void add(Map<String, CatalogEntry> byId, String type, String name, List<String> extra,
      Map<String, String> attributes, Set<String> englishWords) {
    String slug = Slugs.slug(name);
    if (name.length() < LandscapeCatalogGenerator.MIN_NAME || slug.isEmpty()) {
      return;
    }
    Set<String> aliases = new LinkedHashSet<>(LandscapeCatalogGenerator.aliases(name, type));
    for (String alias : extra) {
      aliases.add(alias);
      aliases.addAll(LandscapeCatalogGenerator.aliases(alias, type));
    }
    aliases.remove(name);
    aliases.removeAll(GENERIC_ACRONYMS);
    List<String> all = new ArrayList<>(aliases);
    all.add(name);
    if (all.stream().anyMatch(n -> n.chars().allMatch(Character::isLetter) && englishWords.contains(n.toLowerCase(Locale.ROOT)))) {
      attributes.put("ambiguous", "true");
    }
    byId.putIfAbsent(type + ":" + slug, new CatalogEntry(type + ":" + slug, name, type, List.copyOf(aliases), attributes));
  }

  /** The lower-case words of a word list: capitalised entries are proper nouns, not common words. */
  public static Set<String> englishWords(Path file) throws IOException {
    Set<String> words = new java.util.HashSet<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String word = line.strip();
      if (!word.isEmpty() && word.equals(word.toLowerCase(Locale.ROOT)) && word.chars().allMatch(Character::isLetter)) {
        words.add(word);
      }
    }
    return words;
  }

  private static void put(Map<String, String> attributes, String key, String value) {
    if (value != null && !value.isBlank()) {
      attributes.put(key, value.strip());
    }
  }

  private static List<CatalogEntry> sorted(Map<String, CatalogEntry> byId) {
    List<CatalogEntry> out = new ArrayList<>(byId.values());
    out.sort(Comparator.comparing(CatalogEntry::id));
    return out;
  }
}
