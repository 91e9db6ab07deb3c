package dev.trendmill.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dictionary matcher: whole words, distinctive names in any case, longest match wins, one entity per surface form. */
class EntityExtractorTest {
  private static final List<CatalogEntry> CATALOG =
      List.of(
          new CatalogEntry("project:argo", "Argo", "project", List.of(), Map.of()),
          new CatalogEntry("product:argo-cd", "Argo CD", "product", List.of(), Map.of()),
          new CatalogEntry("project:kubernetes", "Kubernetes", "project", List.of("K8s"), Map.of()),
          new CatalogEntry("organization:datadog", "Datadog", "organization", List.of(), Map.of()),
          new CatalogEntry("product:datadog", "Datadog", "product", List.of(), Map.of()),
          new CatalogEntry("organization:red-hat", "Red Hat", "organization", List.of("Red Hat, Inc."), Map.of()));

  private final EntityExtractor extractor = new EntityExtractor(CATALOG);

  private List<String> ids(String title, String body) {
    return extractor.extract(title, body).stream().map(ExtractedEntity::id).sorted().toList();
  }

  @Test
  void findsNamesAndAliasesAsWholeWords() {
    assertThat(ids("Kubernetes news", "Running K8s at Red Hat.")).containsExactly("organization:red-hat", "project:kubernetes");
  }

  @Test
  void ignoresNamesInsideOtherWords() {
    assertThat(ids("Argonauts", "The Kubernetesque argonaut and xK8s and Red Hatter")).isEmpty();
  }

  @Test
  void matchesDistinctiveNamesInAnyCaseAndOrdinaryWordsOnlyAsWritten() {
    assertThat(ids("", "kubernetes and red hat in lower case")).containsExactly("project:kubernetes");
    assertThat(ids("", "we run argo on datadog")).containsExactly("organization:datadog", "project:argo");
    assertThat(ids("", "a helm and a red hat")).isEmpty();
  }

  @Test
  void longestOverlappingNameWins() {
    assertThat(ids("", "Argo CD 3.0 ships")).containsExactly("product:argo-cd");
    assertThat(ids("", "Argo CD and Argo Workflows")).containsExactly("product:argo-cd", "project:argo");
  }

  @Test
  void oneSurfaceFormNamesOneEntityPreferringOrganizationsOverProducts() {
    assertThat(ids("", "Datadog announced")).containsExactly("organization:datadog");
  }

  @Test
  void countsMentionsOncePerEntityWithSalienceFromTitleAndFrequency() {
    List<ExtractedEntity> found = extractor.extract("Kubernetes 2.0", "Kubernetes ships. K8s is faster. Argo too.");
    ExtractedEntity kubernetes = found.stream().filter(e -> e.id().equals("project:kubernetes")).findFirst().orElseThrow();
    ExtractedEntity argo = found.stream().filter(e -> e.id().equals("project:argo")).findFirst().orElseThrow();
    assertThat(kubernetes.mentions()).isEqualTo(3);
    assertThat(argo.mentions()).isEqualTo(1);
    assertThat(kubernetes.salience()).isGreaterThan(argo.salience());
    assertThat(found.get(0).id()).isEqualTo("project:kubernetes");
    assertThat(found).allSatisfy(e -> assertThat(e.salience()).isBetween(0.0, 1.0));
  }

  @Test
  void handlesEmptyAndNullText() {
    assertThat(extractor.extract(null, null)).isEmpty();
    assertThat(extractor.extract("", "")).isEmpty();
  }
}
