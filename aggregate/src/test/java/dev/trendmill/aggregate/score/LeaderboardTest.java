package dev.trendmill.aggregate.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * Leaderboards, property style: random update sequences spread over random partitions; the merged top N of the
 * partitions' own top Ns must equal a brute-force ranking of the final standings, whatever the order of updates.
 */
class LeaderboardTest {
  private static final String[] TYPES = {"project", "organization", "topic"};

  @RepeatedTest(200)
  void mergedPartialTopNsEqualTheBruteForceRanking(RepetitionInfo repetition) {
    Random random = new Random(repetition.getCurrentRepetition());
    int entities = 1 + random.nextInt(60);
    int partitions = 1 + random.nextInt(6);
    int n = 1 + random.nextInt(15);
    long minCount = 1 + random.nextInt(3);

    // A random sequence of updates: each replaces an entity's standing (as a new count/score would).
    Map<String, Standing> latest = new HashMap<>();
    for (int update = 0; update < 500; update++) {
      int e = random.nextInt(entities);
      long count = random.nextInt(20);
      double score = random.nextInt(7) - 3 + random.nextInt(4) / 4.0; // ties on purpose
      latest.put("e" + e, new Standing("e" + e, "E" + e, TYPES[e % TYPES.length], count, 0, score));
    }

    // Each entity lives in one partition (keyed by id), as in the topology.
    List<List<Standing>> byPartition = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      byPartition.add(new ArrayList<>());
    }
    latest.values().forEach(s -> byPartition.get(Math.floorMod(s.id().hashCode(), partitions)).add(s));

    for (String type : new String[] {null, "project", "topic"}) {
      List<List<Standing>> parts = byPartition.stream().map(p -> Leaderboard.top(p, type, n, minCount, Leaderboard.ORDER)).toList();
      List<Standing> merged = Leaderboard.merge(parts, n, Leaderboard.ORDER);
      assertThat(merged).as("type %s", type).isEqualTo(bruteForce(new ArrayList<>(latest.values()), type, n, minCount));
    }
  }

  /** Sort everything with an independent comparison, keep the first n that qualify. */
  private static List<Standing> bruteForce(List<Standing> all, String type, int n, long minCount) {
    List<Standing> eligible = new ArrayList<>();
    for (Standing s : all) {
      if (s.count() >= minCount && s.count() > 0 && (type == null || type.equals(s.type()))) {
        eligible.add(s);
      }
    }
    // Selection sort by (score desc, count desc, id asc): deliberately not the production comparator.
    List<Standing> ranked = new ArrayList<>();
    while (!eligible.isEmpty() && ranked.size() < n) {
      Standing best = eligible.get(0);
      for (Standing s : eligible) {
        boolean better =
            s.score() > best.score()
                || (s.score() == best.score() && (s.count() > best.count() || (s.count() == best.count() && s.id().compareTo(best.id()) < 0)));
        if (better) {
          best = s;
        }
      }
      ranked.add(best);
      eligible.remove(best);
    }
    return ranked;
  }

  @Test
  void allTimeBoardsRankByCount() {
    List<Standing> standings =
        List.of(new Standing("b", "B", "project", 5, 0, 0), new Standing("a", "A", "project", 5, 0, 0), new Standing("c", "C", "topic", 9, 0, 0));
    assertThat(Leaderboard.top(standings, null, 10, 1, Leaderboard.BY_COUNT)).extracting(Standing::id).containsExactly("c", "a", "b");
    assertThat(Leaderboard.top(standings, "project", 1, 1, Leaderboard.BY_COUNT)).extracting(Standing::id).containsExactly("a");
  }
}
