package dev.trendmill.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules real text asked for: link text and link targets, wrapped names, nicknames, affiliations, cue words. */
class RealTextRulesTest {
  private static final List<CatalogEntry> CATALOG =
      List.of(
          new CatalogEntry("project:grafana", "Grafana", "project", List.of(), Map.of()),
          new CatalogEntry("organization:cncf", "Cloud Native Computing Foundation", "organization", List.of("CNCF"), Map.of()));

  private final EntityExtractor extractor = new EntityExtractor(CATALOG);

  private List<String> ids(String body) {
    return extractor.extract("", body).stream().map(ExtractedEntity::id).sorted().toList();
  }

  @Test
  void namesInLinkTextCountButNamesOnlyInTheUrlDoNot() {
    assertThat(ids("We like [Grafana](http://grafana.org/) a lot.")).containsExactly("project:grafana");
    assertThat(ids("Hosted by the [Cloud Native Computing Foundation](https://cncf.io/).")).containsExactly("organization:cncf");
    assertThat(ids("See <a href=\"https://x.org\">Grafana</a> here.")).containsExactly("project:grafana");
    assertThat(ids("Read [the docs](https://grafana.com/docs/) first.")).isEmpty();
  }

  @Test
  void linkTargetsSayWhatTheirTextNames() {
    assertThat(ids("Thanks a lot [Quentin Marlow](https://github.com/qmarlow) for this.")).containsExactly("person~:quentin-marlow");
    assertThat(ids("Vendors such as [Zentrolux](https://www.zentrolux.ai/) joined.")).containsExactly("organization~:zentrolux");
    assertThat(ids("It uses [Widgetry](https://github.com/acme/widgetry) underneath.")).containsExactly("project~:widgetry");
    assertThat(ids("Read [Zentrolux](https://www.example.com/zentrolux) first.")).isEmpty();
  }

  @Test
  void aNameMayWrapOntoTheNextLine() {
    assertThat(ids("Our hosts were Priya\nRaman and others.")).containsExactly("person~:priya-raman");
    assertThat(ids("> a talk by Priya\n> Raman at the meetup")).contains("person~:priya-raman");
    assertThat(ids("Priya\n\nRaman")).isEmpty();
  }

  @Test
  void aQuotedNicknameIsNotPartOfTheName() {
    assertThat(ids("Later, Priya \"Pip\" Raman showed the demo.")).containsExactly("person~:priya-raman");
  }

  @Test
  void aPersonsAffiliationNamesAnOrganization() {
    assertThat(ids("- Scaling It -- Priya Raman (Quorvane)\n")).containsExactly("organization~:quorvane", "person~:priya-raman");
    assertThat(ids("featuring Dalia Okonkwo of Farrowgate.")).containsExactly("organization~:farrowgate", "person~:dalia-okonkwo");
  }

  @Test
  void cueWordsIntroducePeopleWithUnlistedGivenNames() {
    assertThat(ids("Please welcome Zorvath Quillan as our newest maintainer!")).containsExactly("person~:zorvath-quillan");
    assertThat(ids("Zorvath Quillan ran the code.")).isEmpty();
  }

  @Test
  void eventsAndBodiesAreNamedByTheirHeadWord() {
    assertThat(ids("We met at Grafana Day and at Zentro Summit 2024.")).contains("event~:grafana-day", "event~:zentro-summit-2024");
    assertThat(ids("Come to PromCon Berlin 2023!")).contains("event~:promcon-berlin-2023");
    assertThat(ids("The Grafana Security SIG and SIG Storage met the Zentro Steering Committee."))
        .contains("organization~:grafana-security-sig", "organization~:sig-storage", "organization~:zentro-steering-committee");
    assertThat(ids("Ask the SIG. Join a Working Group. See you at the summit.")).isEmpty();
  }

  @Test
  void aCatalogEventWithAYearIsThatEdition() {
    EntityExtractor withEvent = new EntityExtractor(List.of(
        new CatalogEntry("event:zentrocon", "ZentroCon Europe", "event", List.of("ZentroCon EU"), Map.of())));
    assertThat(withEvent.extract("", "See you at ZentroCon EU 2024.").stream().map(ExtractedEntity::name))
        .containsExactly("ZentroCon Europe 2024");
  }

  @Test
  void peopleComeBeforeCatalogNamesAndPairsOfPeopleAreBothPeople() {
    EntityExtractor withPlaces = new EntityExtractor(List.of(
        new CatalogEntry("location:austin", "Austin", "location", List.of(), Map.of()),
        new CatalogEntry("organization:oracle", "Oracle", "organization", List.of(), Map.of())));
    assertThat(withPlaces.extract("", "Austin Parker met Jane Oracle and Rahul Zerkowitz & Quillon Varga (Acme).")
            .stream().map(ExtractedEntity::id).sorted())
        .containsExactly("organization~:acme", "person~:austin-parker", "person~:jane-oracle", "person~:quillon-varga",
            "person~:rahul-zerkowitz");
    assertThat(withPlaces.extract("", "We flew to Austin on Monday.").stream().map(ExtractedEntity::id))
        .containsExactly("location:austin");
    assertThat(ids("The San Francisco Linkerd meetup")).doesNotContain("person~:francisco-linkerd");
  }

  @Test
  void theFieldsCommonWordsAndLongerNamesAreNotCatalogNames() {
    EntityExtractor extractor = new EntityExtractor(List.of(
        new CatalogEntry("product:serverless", "Serverless", "product", List.of(), Map.of()),
        new CatalogEntry("organization:sidecar", "Sidecar", "organization", List.of(), Map.of("ambiguous", "true"))));
    assertThat(extractor.extract("", "It runs as a serverless function.")).isEmpty();
    assertThat(extractor.extract("", "We deploy it with Serverless.").stream().map(ExtractedEntity::id)).containsExactly("product:serverless");
    assertThat(extractor.extract("", "Maintainers spoke with Sidecar Times this week.")).isEmpty();
    assertThat(extractor.extract("", "The deal was closed by Sidecar last week.").stream().map(ExtractedEntity::id))
        .containsExactly("organization:sidecar");
  }
}
