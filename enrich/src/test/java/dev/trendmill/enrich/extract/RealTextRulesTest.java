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
}
