package dev.trendmill.compose.generate;

import dev.trendmill.enrich.extract.CatalogEntry;
import dev.trendmill.enrich.extract.EntityExtractor;
import dev.trendmill.enrich.extract.ExtractedEntity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * The catalog entities a generated article may name, each with its planted {@link Popularity}. Only names the
 * extractor finds on their own, without ambiguity, are used: a probe sentence in our filler must give exactly that
 * entity at confidence 1.0 (so no common-word names that need evidence, no alias shared with another entity, no
 * owner or series added beside it). Events are left out, because an edition replaces its generic series.
 */
public final class EntityPool {
  /** Entities per planted pattern; the rest of the pool is background. */
  public static final int STEADY = 10;
  public static final int RISING = 10;
  public static final int BURST = 6;
  public static final int DECAYING = 8;
  public static final int BACKGROUND = 160;

  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Z][A-Za-z0-9]*(?:[ -][A-Za-z0-9]+)*");

  /** A usable entity, its canonical name as the articles write it, and its pattern. */
  public record Member(String id, String name, String type, Popularity popularity) {}

  private final List<Member> members;

  private EntityPool(List<Member> members) {
    this.members = List.copyOf(members);
  }

  public List<Member> members() {
    return members;
  }

  /** Draws the pool for {@code seed} from the catalog; the same seed and catalog give the same pool. */
  public static EntityPool draw(Collection<CatalogEntry> catalog, EntityExtractor extractor, long seed) {
    List<CatalogEntry> usable =
        catalog.stream()
            .filter(entry -> !entry.type().equals("event") && !entry.type().equals("person"))
            .filter(entry -> entry.name().length() >= 4 && PLAIN_NAME.matcher(entry.name()).matches())
            .sorted(Comparator.comparing(CatalogEntry::id))
            .filter(entry -> foundAlone(extractor, entry))
            .toList();
    int wanted = STEADY + RISING + BURST + DECAYING + BACKGROUND;
    if (usable.size() < wanted) {
      throw new IllegalStateException("The catalog has only " + usable.size() + " unambiguous names, " + wanted + " are needed");
    }
    List<CatalogEntry> shuffled = new ArrayList<>(usable);
    SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    for (int i = shuffled.size() - 1; i > 0; i--) {
      java.util.Collections.swap(shuffled, i, random.nextInt(i + 1));
    }
    List<Member> members = new ArrayList<>();
    int i = 0;
    for (Popularity popularity : Popularity.values()) {
      int n =
          switch (popularity) {
            case STEADY -> STEADY;
            case RISING -> RISING;
            case BURST -> BURST;
            case DECAYING -> DECAYING;
            case BACKGROUND -> BACKGROUND;
          };
      for (int k = 0; k < n; k++, i++) {
        CatalogEntry entry = shuffled.get(i);
        members.add(new Member(entry.id(), entry.name(), entry.type(), popularity));
      }
    }
    return new EntityPool(members);
  }

  private static boolean foundAlone(EntityExtractor extractor, CatalogEntry entry) {
    String body = "The careful team reviewed " + entry.name() + " for the early release. Every engineer noted " + entry.name() + " again.";
    List<ExtractedEntity> found = extractor.extract("notes", body);
    return found.size() == 1 && found.get(0).id().equals(entry.id()) && found.get(0).confidence() == 1.0;
  }
}
