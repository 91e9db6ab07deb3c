package dev.trendmill.aggregate;

import dev.trendmill.schemas.avro.ArticleRef;
import java.util.Comparator;

/**
 * Where a new article goes among an entity's recent-article slots ({@link StoreNames#RECENT_ARTICLES}): the slot
 * already holding it, else the first free one, else the oldest, and nowhere when it is older than every article kept.
 */
final class RecentArticleSlots {
  static final Comparator<ArticleRef> NEWEST_FIRST =
      Comparator.comparing(ArticleRef::getPublishedAt).reversed().thenComparing(ArticleRef::getArticleId);

  private RecentArticleSlots() {}

  /** The slot {@code ref} goes to, or -1 when it would change nothing. */
  static int slotFor(ArticleRef[] slots, ArticleRef ref) {
    int target = -1;
    for (int slot = 0; slot < slots.length; slot++) {
      if (slots[slot] == null || slots[slot].getArticleId().equals(ref.getArticleId())) {
        return slot;
      }
      if (target < 0 || NEWEST_FIRST.compare(slots[slot], slots[target]) > 0) {
        target = slot; // the oldest so far
      }
    }
    return NEWEST_FIRST.compare(ref, slots[target]) > 0 ? -1 : target;
  }
}
