package dev.trendmill.enrich.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trendmill.enrich.extract.CatalogEntry;
import dev.trendmill.enrich.extract.EntityExtractor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Lazy, debounced rebuilds of the extractor after catalog changes. */
class LiveCatalogTest {
  private final AtomicLong now = new AtomicLong();
  private final AtomicInteger reads = new AtomicInteger();
  private final List<CatalogEntry> entries = new ArrayList<>(List.of(new CatalogEntry("project:argo", "Argo", "project", List.of(), Map.of())));
  private final Supplier<Collection<CatalogEntry>> source = () -> {
    reads.incrementAndGet();
    return List.copyOf(entries);
  };

  @Test
  void buildsOnFirstUseAndOnlyAgainAfterAChange() {
    LiveCatalog live = new LiveCatalog(Duration.ZERO, now::get);
    EntityExtractor first = live.extractor(source);
    assertThat(live.extractor(source)).isSameAs(first);
    assertThat(reads).hasValue(1);

    entries.add(new CatalogEntry("project:dapr", "Dapr", "project", List.of(), Map.of()));
    live.changed();
    EntityExtractor second = live.extractor(source);
    assertThat(second).isNotSameAs(first);
    assertThat(second.extract("", "Dapr")).hasSize(1);
    assertThat(reads).hasValue(2);
  }

  @Test
  void aBurstOfChangesWithinTheIntervalCostsOneRebuild() {
    LiveCatalog live = new LiveCatalog(Duration.ofSeconds(1), now::get);
    EntityExtractor first = live.extractor(source);
    live.changed();
    live.changed();
    now.addAndGet(Duration.ofMillis(500).toNanos());
    assertThat(live.extractor(source)).isSameAs(first);
    now.addAndGet(Duration.ofMillis(600).toNanos());
    assertThat(live.extractor(source)).isNotSameAs(first);
    assertThat(reads).hasValue(2);
  }
}
