package dev.trendmill.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trendmill.schemas.avro.ArticleRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Feeding random articles through the slots keeps exactly the newest ten, as sorting all of them would. */
final class RecentArticleSlotsTest {
  private static final Comparator<ArticleRef> NEWEST_FIRST =
      Comparator.comparing(ArticleRef::getPublishedAt).reversed().thenComparing(ArticleRef::getArticleId);

  @Test
  void theSlotsHoldTheNewestArticlesOfAnyArrivalOrder() {
    Random random = new Random(7);
    for (int run = 0; run < 500; run++) {
      ArticleRef[] slots = new ArticleRef[StoreNames.RECENT_ARTICLE_SLOTS];
      List<ArticleRef> seen = new ArrayList<>();
      int articles = random.nextInt(40);
      for (int i = 0; i < articles; i++) {
        // Few distinct times and ids, so ties and repeats of one article happen often.
        ArticleRef ref = new ArticleRef("a-" + random.nextInt(25), "t", null, Instant.ofEpochSecond(random.nextInt(8)));
        if (seen.stream().noneMatch(s -> s.getArticleId().equals(ref.getArticleId()))) {
          seen.add(ref);
        } else {
          continue; // an article keeps its publication time
        }
        int slot = RecentArticleSlots.slotFor(slots, ref);
        if (slot >= 0) {
          slots[slot] = ref;
        }
      }
      List<ArticleRef> expected = seen.stream().sorted(NEWEST_FIRST).limit(slots.length).toList();
      List<ArticleRef> kept = Arrays.stream(slots).filter(Objects::nonNull).sorted(NEWEST_FIRST).toList();
      assertThat(kept).as("run %d", run).isEqualTo(expected);
    }
  }
}
