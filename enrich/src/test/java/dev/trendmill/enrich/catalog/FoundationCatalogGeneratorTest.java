package dev.trendmill.enrich.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trendmill.enrich.extract.CatalogEntry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Linux Foundation and Apache catalogs (from documents written for the test) and how they join the bundle. */
class FoundationCatalogGeneratorTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void linuxFoundationProjectsBodiesAndMembers() throws Exception {
    String landscape = """
        {"landscape": [
          {"name": "Projects", "subcategories": [{"name": "All", "items": [
            {"name": "Zephyrine", "homepage_url": "https://zephyrine.dev"},
            {"name": "Open Widget Foundation (OWF)"},
            {"name": "Widget Command Line Interface (CLI)"},
            {"name": "Harbinger"}]}]},
          {"name": "LF Members", "subcategories": [{"name": "Gold", "items": [{"name": "Acme Widgets, Inc. (member)"}]}]}]}
        """;
    Map<String, CatalogEntry> byId = byId(FoundationCatalogGenerator.linuxFoundation(JSON.readTree(landscape), Set.of("harbinger")));
    assertThat(byId.get("project:zephyrine").attributes()).containsEntry("homepage", "https://zephyrine.dev");
    assertThat(byId.get("organization:open-widget-foundation-owf").aliases()).contains("Open Widget Foundation", "OWF");
    assertThat(byId.get("project:widget-command-line-interface-cli").aliases()).doesNotContain("CLI");
    assertThat(byId.get("project:harbinger").attributes()).containsEntry("ambiguous", "true");
    assertThat(byId.get("organization:acme-widgets-inc").attributes()).containsEntry("lf.membership", "Gold");
    assertThat(byId.get("organization:acme-widgets-inc").aliases()).contains("Acme Widgets");
  }

  @Test
  void apacheProjectsAnswerToTheirNameWithoutApache() throws Exception {
    String projects = """
        {"quokka": {"name": "Apache Quokka", "homepage": "https://quokka.apache.org", "category": "big-data"}}
        """;
    CatalogEntry quokka = FoundationCatalogGenerator.apache(JSON.readTree(projects), Set.of()).get(0);
    assertThat(quokka.id()).isEqualTo("project:apache-quokka");
    assertThat(quokka.aliases()).contains("Quokka");
    assertThat(quokka.attributes()).containsEntry("organization", "organization:apache-software-foundation");
  }

  @Test
  void aFoundationEntryTheCatalogKnowsOnlyAddsItsNames() {
    List<CatalogEntry> catalog = List.of(
        new CatalogEntry("product:apache-quokka", "Apache Quokka", "product", List.of(), Map.of()),
        new CatalogEntry("organization:cncf", "Cloud Native Computing Foundation", "organization", List.of("CNCF"), Map.of()));
    List<CatalogEntry> source = List.of(
        new CatalogEntry("project:apache-quokka", "Apache Quokka", "project", List.of("Quokka"), Map.of()),
        new CatalogEntry("organization:cloud-native-computing-foundation-cncf", "Cloud Native Computing Foundation (CNCF)",
            "organization", List.of("Cloud Native Computing Foundation", "CNCF"), Map.of()),
        new CatalogEntry("project:wombat", "Wombat", "project", List.of(), Map.of()));
    Map<String, CatalogEntry> merged = byId(BundledCatalog.addNew(catalog, source));
    assertThat(merged).containsOnlyKeys("product:apache-quokka", "organization:cncf", "project:wombat");
    assertThat(merged.get("product:apache-quokka").aliases()).contains("Quokka");
    assertThat(merged.get("organization:cncf").aliases()).contains("CNCF", "Cloud Native Computing Foundation (CNCF)");
  }

  private static Map<String, CatalogEntry> byId(List<CatalogEntry> entries) {
    Map<String, CatalogEntry> byId = new java.util.TreeMap<>();
    entries.forEach(e -> byId.put(e.id(), e));
    return byId;
  }
}
