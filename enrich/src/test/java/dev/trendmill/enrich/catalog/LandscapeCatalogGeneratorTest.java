package dev.trendmill.enrich.catalog;

import dev.trendmill.enrich.extract.Slugs;
import dev.trendmill.enrich.extract.CatalogEntry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LandscapeCatalogGeneratorTest {

    /** The landscape.yml layout: "- category:" with its name and subcategories as siblings, same for items. */
    private static final String FIXTURE = """
            landscape:
              - category:
                name: App Definition and Development
                subcategories:
                  - subcategory:
                    name: Continuous Integration & Delivery
                    items:
                      - item:
                        name: Argo
                        homepage_url: https://argoproj.github.io/
                        repo_url: https://github.com/argoproj/argo-workflows
                        logo: argo.svg
                        crunchbase: https://www.crunchbase.com/organization/cloud-native-computing-foundation
                        project: graduated
                        description: Kubernetes-native tools to run workflows, manage clusters, and do GitOps right.
                        extra:
                          accepted: '2020-03-26'
                          graduated: '2022-12-06'
                      - item:
                        name: Widget Deploy
                        homepage_url: https://widget.example.com/
                        logo: widget.svg
                        crunchbase: https://www.crunchbase.com/organization/acme-corp
                      - item:
                        name: X
                        homepage_url: https://x.example.com/
                        logo: x.svg
                  - subcategory:
                    name: Database
                    items:
                      - item:
                        name: Widget Deploy
                        homepage_url: https://widget.example.com/
                        repo_url: https://github.com/acme/widget-deploy
                        logo: widget.svg
                        crunchbase: https://www.crunchbase.com/organization/acme-corp
                      - item:
                        name: ARGO
                        homepage_url: https://argo.example.com/
                        logo: argo2.svg
                      - item:
                        name: Initech (member)
                        homepage_url: https://initech.example.com/
                        logo: initech.svg
                        crunchbase: https://www.crunchbase.com/organization/initech
                        joined: '2020-01-01'
                      - item:
                        name: Red Hat
                        homepage_url: https://www.redhat.com/
                        logo: redhat.svg
                        crunchbase: https://www.crunchbase.com/organization/red-hat
              - category:
                name: Special
                subcategories:
                  - subcategory:
                    name: Kubernetes Certified Service Provider
                    items:
                      - item:
                        name: Acme Consulting (KCSP)
                        homepage_url: https://acme.example.com/
                        logo: acme.svg
                        crunchbase: https://www.crunchbase.com/organization/acme-corp
                      - item:
                        name: Tiny Co., Ltd. (KCSP)
                        homepage_url: https://tiny.example.com/
                        logo: tiny.svg
                        crunchbase: https://www.crunchbase.com/organization/tiny
              - category:
                name: CNCF Members
                subcategories:
                  - subcategory:
                    name: Gold
                    items:
                      - item:
                        name: Acme Corp, Inc. (member)
                        homepage_url: https://acme.example.com/
                        logo: acme.svg
                        crunchbase: https://www.crunchbase.com/organization/acme-corp
                      - item:
                        name: Red Hat (member)
                        homepage_url: https://www.redhat.com/
                        logo: redhat.svg
                        crunchbase: https://www.crunchbase.com/organization/red-hat
                  - subcategory:
                    name: Nonprofit
                    items:
                      - item:
                        name: Cloud Native Computing Foundation (member)
                        homepage_url: https://www.cncf.io/
                        logo: cncf.svg
                        crunchbase: https://www.crunchbase.com/organization/cloud-native-computing-foundation
                  - subcategory:
                    name: End User Supporter and Contributor
                    items:
                      - item:
                        name: Non-Public Organization Kiwi (supporter)
                        homepage_url: https://www.cncf.io/
                        logo: kiwi.svg
                        unnamed_organization: true
                        enduser: true
                      - item:
                        name: Globex GmbH (supporter)
                        homepage_url: https://globex.example.com/
                        logo: globex.svg
                        enduser: true
            """;

    private static Map<String, CatalogEntry> byId;

    @BeforeAll
    static void generate() throws IOException {
        List<CatalogEntry> records = LandscapeCatalogGenerator.generate(
                new ByteArrayInputStream(FIXTURE.getBytes(StandardCharsets.UTF_8)));
        byId = records.stream().collect(Collectors.toMap(CatalogEntry::id, Function.identity()));
        assertThat(records).extracting(CatalogEntry::id).isSorted();
    }

    @Test
    void slugLowerCasesAndCollapsesEverythingElseToDashes() {
        assertThat(Slugs.slug("Argo")).isEqualTo("argo");
        assertThat(Slugs.slug("Red Hat")).isEqualTo("red-hat");
        assertThat(Slugs.slug("cert-manager")).isEqualTo("cert-manager");
        assertThat(Slugs.slug("  Open Policy Agent (OPA) ")).isEqualTo("open-policy-agent-opa");
        assertThat(Slugs.slug("C++")).isEqualTo("c");
        assertThat(Slugs.slug("Î")).isEmpty();
    }

    @Test
    void idsAndTypes() {
        assertThat(byId).containsOnlyKeys(
                "project:argo",
                "product:widget-deploy",
                "product:red-hat",
                "organization:acme-corp-inc",
                "organization:red-hat",
                "organization:cloud-native-computing-foundation",
                "organization:globex-gmbh",
                "organization:tiny-co-ltd",
                "organization:initech");
        assertThat(byId.get("project:argo").type()).isEqualTo("project");
        assertThat(byId.get("product:widget-deploy").type()).isEqualTo("product");
        assertThat(byId.get("organization:red-hat").type()).isEqualTo("organization");
    }

    @Test
    void projectAttributes() {
        CatalogEntry argo = byId.get("project:argo");
        assertThat(argo.name()).isEqualTo("Argo");
        assertThat(argo.aliases()).isEmpty();
        assertThat(argo.attributes()).containsOnly(
                entry("maturity", "graduated"),
                entry("category", "App Definition and Development"),
                entry("subcategory", "Continuous Integration & Delivery"),
                entry("homepage", "https://argoproj.github.io/"),
                entry("repository", "https://github.com/argoproj/argo-workflows"),
                entry("description", "Kubernetes-native tools to run workflows, manage clusters, and do GitOps right."),
                entry("accepted", "2020-03-26"));
    }

    @Test
    void productListedTwiceIsMergedKeepingFirstCategoryAndRichestAttributes() {
        CatalogEntry widget = byId.get("product:widget-deploy");
        assertThat(widget.name()).isEqualTo("Widget Deploy");
        assertThat(widget.attributes())
                .containsEntry("category", "App Definition and Development")
                .containsEntry("subcategory", "Continuous Integration & Delivery")
                .containsEntry("repository", "https://github.com/acme/widget-deploy")
                .doesNotContainKey("maturity");
    }

    @Test
    void ownerLinkedByCrunchbaseButNeverTheCncf() {
        assertThat(byId.get("product:widget-deploy").attributes())
                .containsEntry("organization", "organization:acme-corp-inc");
        assertThat(byId.get("product:red-hat").attributes()).containsEntry("organization", "organization:red-hat");
        assertThat(byId.get("project:argo").attributes()).doesNotContainKey("organization");
    }

    @Test
    void projectWinsOverProductWithTheSameSlugButOrganizationAndProductCoexist() {
        assertThat(byId).doesNotContainKey("product:argo");
        assertThat(byId).containsKeys("product:red-hat", "organization:red-hat");
    }

    @Test
    void membersLoseTheirRoleSuffixAndPlaceholdersAreSkipped() {
        CatalogEntry acme = byId.get("organization:acme-corp-inc");
        assertThat(acme.name()).isEqualTo("Acme Corp, Inc.");
        assertThat(acme.attributes()).contains(entry("membership", "Gold"), entry("homepage", "https://acme.example.com/"));
        assertThat(byId.get("organization:globex-gmbh").attributes())
                .containsEntry("membership", "End User Supporter and Contributor");
        assertThat(byId.keySet()).noneMatch(id -> id.contains("non-public"));
    }

    @Test
    void memberCardFiledUnderAnotherCategoryIsTheOrganizationNotAProduct() {
        assertThat(byId).doesNotContainKeys("product:initech-member", "product:initech");
        CatalogEntry initech = byId.get("organization:initech");
        assertThat(initech.name()).isEqualTo("Initech");
        assertThat(initech.attributes()).containsOnly(entry("homepage", "https://initech.example.com/"));
    }

    @Test
    void certifiedServiceProvidersAreOrganizationsMergedIntoTheMemberWithTheSameCrunchbase() {
        assertThat(byId).doesNotContainKeys("organization:acme-consulting", "product:acme-consulting-kcsp");
        assertThat(byId.get("organization:acme-corp-inc").attributes()).containsEntry("certifications", "KCSP");
        CatalogEntry tiny = byId.get("organization:tiny-co-ltd");
        assertThat(tiny.name()).isEqualTo("Tiny Co., Ltd.");
        assertThat(tiny.attributes()).containsEntry("certifications", "KCSP").doesNotContainKey("membership");
    }

    @Test
    void organizationAliasesDropCompanySuffixes() {
        assertThat(byId.get("organization:acme-corp-inc").aliases()).containsExactly("Acme Corp");
        assertThat(byId.get("organization:globex-gmbh").aliases()).containsExactly("Globex");
        assertThat(byId.get("organization:tiny-co-ltd").aliases()).containsExactly("Tiny");
        assertThat(byId.get("organization:red-hat").aliases()).containsExactly("RedHat");
        assertThat(byId.get("product:widget-deploy").aliases()).containsExactly("WidgetDeploy");

        assertThat(LandscapeCatalogGenerator.organizationAliases("Initech Corporation")).containsExactly("Initech");
        assertThat(LandscapeCatalogGenerator.organizationAliases("Hooli B.V.")).containsExactly("Hooli");
        assertThat(LandscapeCatalogGenerator.organizationAliases("Vandelay S.A.")).containsExactly("Vandelay");
        assertThat(LandscapeCatalogGenerator.organizationAliases("Q Limited")).isEmpty(); // alias too short
        assertThat(LandscapeCatalogGenerator.organizationAliases("Incorporated Things")).isEmpty();
        assertThat(LandscapeCatalogGenerator.organizationAliases("Magic")).isEmpty(); // "AG" only as a word
    }

    @Test
    void aliasRulesCoverShortFormsSpacingAndHyphenation() {
        assertThat(LandscapeCatalogGenerator.aliases("Open Policy Agent (OPA)", "project"))
                .containsExactly("Open Policy Agent", "OPA");
        assertThat(LandscapeCatalogGenerator.aliases("Azure Kubernetes Service (AKS)", "product"))
                .containsExactly("Azure Kubernetes Service", "AKS");
        assertThat(LandscapeCatalogGenerator.aliases("Argo CD", "product")).containsExactly("ArgoCD");
        assertThat(LandscapeCatalogGenerator.aliases("cert-manager", "project")).containsExactly("Cert-Manager", "Cert Manager");
        assertThat(LandscapeCatalogGenerator.aliases("Acme Robotics GmbH", "organization")).containsExactly("Acme Robotics");
        assertThat(LandscapeCatalogGenerator.aliases("Kubernetes", "project")).isEmpty();
        assertThat(LandscapeCatalogGenerator.aliases("Something (with lower case)", "product")).containsExactly("Something");
    }

    @Test
    void productNamedAfterItsOwnerIsAlsoCalledByItsDistinctiveRest() {
        CatalogEntry redHat = new CatalogEntry("organization:red-hat", "Red Hat", "organization", List.of(), Map.of());
        assertThat(LandscapeCatalogGenerator.withoutOwner("Red Hat OpenShift", redHat)).containsExactly("OpenShift");
        assertThat(LandscapeCatalogGenerator.withoutOwner("Red Hat Storage", redHat)).isEmpty();
        assertThat(LandscapeCatalogGenerator.withoutOwner("Red Hat Kubernetes", redHat)).isEmpty();
        assertThat(LandscapeCatalogGenerator.withoutOwner("Blue Hat MetaKube", redHat)).isEmpty();
    }

    @Test
    void wasmListingsAreTheSameEntity() throws IOException {
        String yaml = FIXTURE.replace("                      - item:\n                        name: X\n",
                "                      - item:\n                        name: Widget Deploy (Wasm)\n                        homepage_url: https://w.example.com/\n                      - item:\n                        name: X\n");
        List<CatalogEntry> records = LandscapeCatalogGenerator.generate(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        assertThat(records).extracting(CatalogEntry::id).contains("product:widget-deploy").doesNotContain("product:widget-deploy-wasm");
    }

    @Test
    void writesOneSortedJsonObjectPerLine() throws IOException {
        StringWriter out = new StringWriter();
        LandscapeCatalogGenerator.writeJsonl(List.of(byId.get("organization:globex-gmbh")), out);
        assertThat(out.toString()).isEqualTo("{\"id\":\"organization:globex-gmbh\",\"name\":\"Globex GmbH\","
                + "\"type\":\"organization\",\"aliases\":[\"Globex\"],\"attributes\":{\"homepage\":"
                + "\"https://globex.example.com/\",\"membership\":\"End User Supporter and Contributor\"}}\n");
    }
}
