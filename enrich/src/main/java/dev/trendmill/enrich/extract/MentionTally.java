package dev.trendmill.enrich.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Mentions gathered for one article, resolved into the output at the end. */
final class MentionTally {
  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }

  /** A rule-found entity: its id, name, type and the tokens of its name (to count its other mentions). */
  record Unknown(String id, String name, String type, String[] tokens, double confidence) {}

  final Map<String, Accumulator> found = new LinkedHashMap<>();
  final Map<String, Unknown> unknown = new LinkedHashMap<>();

  void mention(NameIndex.Target target, Field field, int token, Evidence level, boolean ambiguous) {
    CatalogEntry entry = target.entry();
    Accumulator acc = found.computeIfAbsent(entry.id(), id -> new Accumulator(entry.id(), entry.name(), entry.type(), target));
    acc.ambiguous |= ambiguous;
    acc.level = Evidence.max(acc.level, level);
    acc.add(field, token);
  }

  /** Records a rule-found entity; returns its id, or null when the surface makes no id. */
  String unknown(String type, String surface, double confidence) {
    // "Christian Hüning" → christian-huning: accents folded before the slug drops what is not ASCII.
    String slug = Slugs.slug(java.text.Normalizer.normalize(surface, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}+", ""));
    if (slug.isEmpty()) {
      return null;
    }
    String id = type + "~:" + slug;
    Unknown previous = unknown.get(id);
    if (previous == null || previous.confidence() < confidence) {
      Scanner tokens = new Scanner(surface);
      String[] words = new String[tokens.count];
      for (int i = 0; i < tokens.count; i++) {
        words[i] = tokens.word(i);
      }
      unknown.put(id, new Unknown(id, surface, type, words, confidence));
    }
    return id;
  }

  void count(String id, Field field, int token) {
    Unknown u = unknown.get(id);
    Accumulator acc = found.computeIfAbsent(id, k -> new Accumulator(id, u.name(), u.type(), null));
    acc.confidence = u.confidence();
    acc.add(field, token);
  }

  List<ExtractedEntity> resolve() {
    List<Accumulator> certain = found.values().stream().filter(a -> !a.ambiguous || a.level.atLeast(Evidence.CONTEXT)).toList();
    List<ExtractedEntity> out = new ArrayList<>(found.size());
    for (Accumulator acc : found.values()) {
      double confidence;
      if (acc.target == null) {
        confidence = acc.confidence;
      } else if (!acc.ambiguous) {
        confidence = 1.0;
      } else if (acc.level == Evidence.STRONG) {
        confidence = 0.9;
      } else if (acc.level == Evidence.CONTEXT) {
        confidence = 0.75;
      } else if (acc.level == Evidence.WEAK && certain.stream().anyMatch(other -> other != acc && related(acc, other))) {
        confidence = 0.6;
      } else {
        continue;
      }
      out.add(new ExtractedEntity(acc.id, acc.name, acc.type, acc.mentions, round(acc.salience()), confidence));
    }
    // A specific edition ("KubeCon + CloudNativeCon Europe") stands for its series ("KubeCon"): keep only the edition.
    Set<String> series = new HashSet<>();
    for (Accumulator acc : found.values()) {
      String of = acc.target == null ? null : acc.target.entry().attributes().get("edition.of");
      if (of != null && out.stream().anyMatch(e -> e.id().equals(acc.id))) {
        series.add(of);
      }
    }
    out.removeIf(e -> series.contains(e.id()));
    out.sort(Comparator.comparingDouble(ExtractedEntity::salience).reversed().thenComparing(ExtractedEntity::id));
    return out;
  }

  private boolean related(Accumulator a, Accumulator b) {
    if (b.target == null || b.ambiguous) {
      return false;
    }
    NameIndex.Target x = a.target;
    NameIndex.Target y = b.target;
    return (x.category() != null && x.category().equals(y.category()))
        || (x.organization() != null && (x.organization().equals(y.organization()) || x.organization().equals(b.id)))
        || (y.organization() != null && y.organization().equals(a.id))
        || (x.entry().attributes().containsKey("maturity") && y.entry().attributes().containsKey("maturity"));
  }

  private static final class Accumulator {
    final String id;
    final String name;
    final String type;
    final NameIndex.Target target;
    boolean ambiguous;
    Evidence level = Evidence.REJECT;
    int mentions;
    int inTitle;
    int inBody;
    boolean inLead;
    double confidence;

    Accumulator(String id, String name, String type, NameIndex.Target target) {
      this.id = id;
      this.name = name;
      this.type = type;
      this.target = target;
    }

    void add(Field field, int token) {
      mentions++;
      if (field.title) {
        inTitle++;
      } else {
        inBody++;
        inLead |= field.inLead(token);
      }
    }

    double salience() {
      double s = (inTitle > 0 ? 0.45 : 0) + (inLead ? 0.2 : 0) + 0.35 * (1 - Math.pow(0.7, inBody));
      return Math.min(1.0, s);
    }
  }
}
