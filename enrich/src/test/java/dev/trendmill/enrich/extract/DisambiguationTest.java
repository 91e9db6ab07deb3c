package dev.trendmill.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ambiguous names count only with evidence; masked text (URLs, code, paths, e-mail) never counts. */
class DisambiguationTest {
  private static final List<CatalogEntry> CATALOG =
      List.of(
          new CatalogEntry("project:kubernetes", "Kubernetes", "project", List.of("K8s"), Map.of("maturity", "graduated")),
          new CatalogEntry("project:helm", "Helm", "project", List.of(), Map.of("maturity", "graduated", "category", "App Definition and Development")),
          new CatalogEntry("project:flux", "Flux", "project", List.of(), Map.of("maturity", "graduated", "category", "App Definition and Development")),
          new CatalogEntry("project:argo", "Argo", "project", List.of("Argo CD"), Map.of("maturity", "graduated", "category", "App Definition and Development")),
          new CatalogEntry("project:harbor", "Harbor", "project", List.of(), Map.of("maturity", "graduated", "category", "Provisioning")),
          new CatalogEntry("project:falco", "Falco", "project", List.of(), Map.of("ambiguous", "true", "maturity", "graduated")),
          new CatalogEntry("project:cert-manager", "cert-manager", "project", List.of("Cert Manager"), Map.of()),
          new CatalogEntry("organization:port", "Port", "organization", List.of(), Map.of()),
          new CatalogEntry("product:kind", "kind", "product", List.of(), Map.of()),
          new CatalogEntry("organization:datadog", "Datadog", "organization", List.of(), Map.of()),
          new CatalogEntry("event:kubecon", "KubeCon", "event", List.of(), Map.of()),
          new CatalogEntry("event:kubecon-europe", "KubeCon Europe", "event", List.of(), Map.of("edition.of", "event:kubecon")));

  private final EntityExtractor extractor = new EntityExtractor(CATALOG);

  private List<String> ids(String body) {
    return extractor.extract("", body).stream().map(ExtractedEntity::id).sorted().toList();
  }

  @Test
  void commonWordsUsedAsWordsAreNotEntities() {
    assertThat(ids("Port 8080 must be open. The team is at the helm of a project in flux.")).isEmpty();
    assertThat(ids("Keep a safe harbor for your data. A new kind of workload.")).isEmpty();
    assertThat(ids("Open port 443 on the load balancer.")).isEmpty();
  }

  @Test
  void capitalisedMidSentenceIsEvidence() {
    assertThat(ids("We deploy everything with Helm and keep it in sync with Flux.")).containsExactly("project:flux", "project:helm");
    assertThat(ids("The portal market has a new player in Port, which raised money.")).containsExactly("organization:port");
  }

  @Test
  void sentenceStartNeedsContextOrARelatedEntity() {
    assertThat(ids("Harbor is nice this time of year.")).isEmpty();
    assertThat(ids("Harbor stores every container image we build.")).containsExactly("project:harbor");
    assertThat(ids("Flux was chosen. Argo CD was the other option.")).containsExactly("project:argo", "project:flux");
  }

  @Test
  void versionOrCompanySuffixIsEvidence() {
    assertThat(ids("Falco 0.42 is out.")).containsExactly("project:falco");
    assertThat(ids("Port Inc. raised a round.")).containsExactly("organization:port");
  }

  @Test
  void lowerCaseNameNeedsContext() {
    assertThat(ids("Spin up a kind cluster to test it.")).containsExactly("product:kind");
    assertThat(ids("It is the kind of thing you do once.")).isEmpty();
  }

  @Test
  void curatedAmbiguousNameNeedsEvidenceEvenWhenNotACommonWord() {
    assertThat(ids("Falco played a concert.")).isEmpty();
    assertThat(ids("Runtime alerts come from Falco on every node.")).containsExactly("project:falco");
  }

  @Test
  void possessivesHyphenatedCompoundsAndAllCapsHeadingsMatch() {
    assertThat(ids("Kubernetes's scheduler and Argo’s controller.")).containsExactly("project:argo", "project:kubernetes");
    assertThat(ids("A Kubernetes-native design.")).containsExactly("project:kubernetes");
    assertThat(ids("WHAT'S NEW IN KUBERNETES\n\nMore text.")).containsExactly("project:kubernetes");
    assertThat(ids("cert-manager renews it; Cert Manager is the same project.")).containsExactly("project:cert-manager");
  }

  @Test
  void nothingInsideUrlsCodePathsOrEmailAddresses() {
    assertThat(ids("See https://example.com/Kubernetes/Guide for details.")).isEmpty();
    assertThat(ids("Run `helm install Argo` now, or\n```\nDatadog agent\n```\nthen go.")).isEmpty();
    assertThat(ids("Edit /etc/Kubernetes/manifests/api.yaml or charts/Argo/values.yaml.")).isEmpty();
    assertThat(ids("Mail Jane.Doe@Datadog.com with questions.")).isEmpty();
    assertThat(ids("Argo/Flux users: both Argo and Flux work.")).containsExactly("project:argo", "project:flux");
  }

  @Test
  void aRegionalEditionStandsForItsSeries() {
    assertThat(ids("At KubeCon Europe this year, KubeCon drew crowds.")).containsExactly("event:kubecon-europe");
    assertThat(ids("At KubeCon this year.")).containsExactly("event:kubecon");
  }

  @Test
  void confidenceFollowsTheEvidence() {
    List<ExtractedEntity> found = extractor.extract("", "We use Helm daily. Kubernetes runs it.");
    assertThat(found).filteredOn(e -> e.id().equals("project:kubernetes")).extracting(ExtractedEntity::confidence).containsExactly(1.0);
    assertThat(found).filteredOn(e -> e.id().equals("project:helm")).extracting(ExtractedEntity::confidence).containsExactly(0.9);
  }
}
