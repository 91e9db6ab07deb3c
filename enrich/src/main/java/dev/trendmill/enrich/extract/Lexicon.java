package dev.trendmill.enrich.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The word lists the extractor reasons with, all written for Trendmill: common English words (which make a catalog
 * name ambiguous), given names (which start a person name), company suffixes, job titles, the cue words around people
 * and new companies, and the context terms that count as evidence for an ambiguous name. Immutable, loaded once.
 */
public final class Lexicon {
  /** Words that, near an ambiguous cloud-native name, say it is meant as that name. Lower case. */
  static final Set<String> GENERAL_CONTEXT =
      Set.of(
          "kubernetes", "k8s", "cncf", "cluster", "clusters", "container", "containers", "kubectl", "pod", "pods",
          "open-source", "cloud-native", "helm", "sandbox", "incubating", "graduated", "graduation", "namespace",
          "namespaces", "microservices", "devops");

  /** Extra context terms by CNCF landscape category (lower case). */
  static final Map<String, Set<String>> CATEGORY_CONTEXT =
      Map.of(
          "Observability and Analysis", Set.of("metrics", "traces", "tracing", "logs", "logging", "monitoring", "telemetry", "dashboards", "alerts", "alerting", "observability", "profiling", "incident"),
          "Provisioning", Set.of("policy", "policies", "security", "secrets", "images", "registry", "vulnerability", "vulnerabilities", "cve", "sbom", "signing", "compliance", "infrastructure"),
          "Runtime", Set.of("storage", "volume", "volumes", "network", "networking", "cni", "runtime", "wasm", "webassembly"),
          "Orchestration & Management", Set.of("scheduler", "scheduling", "mesh", "proxy", "gateway", "ingress", "rpc", "api", "batch", "jobs"),
          "App Definition and Development", Set.of("deploy", "deployment", "deployments", "gitops", "ci", "cd", "pipeline", "pipelines", "charts", "chart", "database", "streaming", "workflows"),
          "Platform", Set.of("distribution", "installer", "managed", "platform"),
          "Serverless", Set.of("functions", "serverless", "faas"),
          "Wasm", Set.of("wasm", "webassembly", "components", "runtime", "plugins"),
          "AI Native Infra", Set.of("ai", "llm", "llms", "inference", "models", "gpu", "gpus", "training"),
          "Inference", Set.of("ai", "llm", "llms", "inference", "models", "gpu", "gpus", "serving"));

  static final Set<String> COMPANY_SUFFIXES =
      Set.of("Inc", "LLC", "Ltd", "GmbH", "Corp", "Corporation", "AG", "SA", "SAS", "BV", "NV", "PLC", "Plc", "Limited", "Incorporated", "SE", "Oy", "AB", "ApS", "Srl", "KK");

  /** Job titles that sit next to a person's name ("Jane Doe, CEO of ..." / "CTO Jane Doe"). Lower case. */
  static final Set<String> TITLES =
      Set.of(
          "ceo", "cto", "cfo", "coo", "ciso", "cio", "cpo", "founder", "co-founder", "cofounder", "maintainer",
          "president", "vice", "vp", "director", "head", "engineer", "manager", "architect", "chief", "lead",
          "analyst", "developer", "chair", "advocate", "evangelist", "officer", "researcher", "fellow", "partner",
          "principal", "executive", "member", "contributor");

  /** Verbs of speech that mark the name next to them as a person ("said Jane Doe", "Jane Doe said"). */
  static final Set<String> SPEECH = Set.of("said", "says", "told", "added", "explained", "noted", "wrote", "argued", "recalled");

  /** Words that introduce a person by name ("thanks to Jane Doe", "welcome Jane Doe", "featuring Jane Doe"). */
  static final Set<String> INTRODUCTIONS =
      Set.of("thanks", "thank", "welcome", "welcoming", "featuring", "congratulations", "congrats", "hire", "hired",
          "candidates", "speakers", "hosts", "hosted", "moderated", "presented", "interviewed", "mcs", "maintainers");

  /** Words after "X, a" that make X a company. */
  static final Set<String> COMPANY_NOUNS = Set.of("startup", "start-up", "company", "vendor", "firm", "provider", "maker", "developer");

  private static final Lexicon INSTANCE = load();

  private final Set<String> commonWords;
  private final Set<String> firstNames;
  private final Set<String> englishNameWords;

  private Lexicon(Set<String> commonWords, Set<String> firstNames, Set<String> englishNameWords) {
    this.commonWords = Set.copyOf(commonWords);
    this.firstNames = Set.copyOf(firstNames);
    this.englishNameWords = Set.copyOf(englishNameWords);
  }

  public static Lexicon get() {
    return INSTANCE;
  }

  /** True when the word, ignoring case, is in our list of common English words. */
  public boolean isCommonWord(String word) {
    return commonWords.contains(word.toLowerCase(Locale.ROOT));
  }

  /**
   * True when the word, lower-cased, is an ordinary English word that some catalog name contains (our list in
   * {@code extract/english-name-words.txt}, made from the catalog and the SCOWL word list), or in our common words.
   */
  public boolean isEnglish(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    return englishNameWords.contains(lower) || commonWords.contains(lower) || CONTEXT_WORDS.contains(lower);
  }

  /**
   * The context terms are the field's common vocabulary ("serverless", "observability", "sidecar" is SCOWL's), but for
   * the few that are names themselves.
   */
  private static final Set<String> CONTEXT_WORDS = contextWords();

  private static Set<String> contextWords() {
    Set<String> words = new HashSet<>(GENERAL_CONTEXT);
    CATEGORY_CONTEXT.values().forEach(words::addAll);
    words.removeAll(Set.of("kubernetes", "k8s", "cncf", "helm", "kubectl"));
    return Set.copyOf(words);
  }

  Set<String> commonWords() {
    return commonWords;
  }

  Set<String> firstNames() {
    return firstNames;
  }

  private static Lexicon load() {
    Set<String> givenNames = words("/extract/first-names.txt");
    givenNames.addAll(words("/extract/given-names.txt"));
    return new Lexicon(words("/extract/common-words.txt"), givenNames,
        words("/extract/english-name-words.txt"));
  }

  private static Set<String> words(String resource) {
    Set<String> words = new HashSet<>();
    try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing word list " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.startsWith("#")) {
          for (String word : line.strip().split("\\s+")) {
            if (!word.isEmpty()) {
              words.add(word);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return words;
  }

  static List<String> lowerAll(List<String> words) {
    return words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
  }
}
