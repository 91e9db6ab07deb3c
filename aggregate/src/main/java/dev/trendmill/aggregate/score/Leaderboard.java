package dev.trendmill.aggregate.score;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranks standings: by score, then count, then id (a total order, so every instance and every merge agrees), among
 * entities with at least a minimum count. A leaderboard is always recomputed from full standings or merged from
 * full partial leaderboards, never adjusted by adding and subtracting updates, so its result does not depend on the
 * order updates arrive in.
 *
 * <p>Merging is exact: when each partition of the entities contributes its own top N, the global top N is among
 * them, because an entity outside its partition's top N has N better entities in that partition alone.
 */
public final class Leaderboard {
  /** Best first. */
  public static final Comparator<Standing> ORDER =
      Comparator.comparingDouble(Standing::score)
          .reversed()
          .thenComparing(Comparator.comparingLong(Standing::count).reversed())
          .thenComparing(Standing::id);

  /** Best first for all-time boards: by count, then id. */
  public static final Comparator<Standing> BY_COUNT =
      Comparator.comparingLong(Standing::count).reversed().thenComparing(Standing::id);

  private Leaderboard() {}

  /** The top {@code n} of {@code standings} with count at least {@code minCount}, optionally of one type. */
  public static List<Standing> top(Collection<Standing> standings, String type, int n, long minCount, Comparator<Standing> order) {
    return standings.stream()
        .filter(s -> s.count() >= minCount && s.count() > 0)
        .filter(s -> type == null || type.equals(s.type()))
        .sorted(order)
        .limit(n)
        .toList();
  }

  /** The top {@code n} over several partial leaderboards; an entity in several parts keeps its best entry. */
  public static List<Standing> merge(Collection<? extends Collection<Standing>> parts, int n, Comparator<Standing> order) {
    Map<String, Standing> byId = new HashMap<>();
    for (Collection<Standing> part : parts) {
      for (Standing standing : part) {
        byId.merge(standing.id(), standing, (a, b) -> order.compare(a, b) <= 0 ? a : b);
      }
    }
    List<Standing> all = new ArrayList<>(byId.values());
    all.sort(order);
    return all.subList(0, Math.min(n, all.size()));
  }
}
