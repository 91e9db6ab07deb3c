package dev.trendmill.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** People and organisations the catalog does not know, found by rules, in their own id namespace. */
class UnknownEntitiesTest {
  private final EntityExtractor extractor =
      new EntityExtractor(List.of(new CatalogEntry("organization:red-hat", "Red Hat", "organization", List.of(), Map.of())));

  private List<ExtractedEntity> found(String body) {
    return extractor.extract("", body);
  }

  private List<String> ids(String body) {
    return found(body).stream().map(ExtractedEntity::id).sorted().toList();
  }

  @Test
  void givenNameAndSurnameIsAPerson() {
    assertThat(ids("Yesterday Priya Raman merged the patch.")).containsExactly("person~:priya-raman");
  }

  @Test
  void cuesMakeAPersonWithoutAKnownGivenName() {
    assertThat(ids("\"It works,\" said Oluwaseun Adeyemi, CTO of the firm.")).containsExactly("person~:oluwaseun-adeyemi");
    assertThat(ids("Xochitl Quispe said the release is ready.")).containsExactly("person~:xochitl-quispe");
    assertThat(ids("By Tomoko Hayashi\n\nThe story.")).containsExactly("person~:tomoko-hayashi");
  }

  @Test
  void cueRaisesConfidence() {
    double plain = found("Later Priya Raman merged it.").get(0).confidence();
    double cued = found("\"Yes,\" said Priya Raman.").get(0).confidence();
    assertThat(cued).isGreaterThan(plain);
    assertThat(plain).isBetween(0.6, 0.8);
  }

  @Test
  void companiesBySuffixAndByStartupPattern() {
    assertThat(ids("It was built by Acme Robotics GmbH in Berlin.")).containsExactly("organization~:acme-robotics");
    assertThat(ids("They bought Quietbeam, a startup from Oslo.")).containsExactly("organization~:quietbeam");
    assertThat(ids("The startup Zendrill raised money.")).containsExactly("organization~:zendrill");
  }

  @Test
  void catalogNamesAndOrdinaryCapitalisedWordsAreNotPeople() {
    assertThat(ids("Red Hat said the release is ready.")).containsExactly("organization:red-hat");
    assertThat(ids("The Last Mile is a good read. When Teams Grow.")).isEmpty();
  }

  @Test
  void accentsAreFoldedInIdsAndOrganisationWordsAreNotSurnames() {
    assertThat(ids("Later Christian Hüning merged it.")).containsExactly("person~:christian-huning");
    assertThat(found("Later Christian Hüning merged it.").get(0).name()).isEqualTo("Christian Hüning");
    assertThat(ids("Carlos University hosts it. Earlier I said so, and J Evans agreed.")).isEmpty();
  }

  @Test
  void laterMentionsOfAFoundEntityAreCounted() {
    ExtractedEntity quietbeam = found("They bought Quietbeam, a startup. Quietbeam's staff will move.").get(0);
    assertThat(quietbeam.mentions()).isEqualTo(2);
  }
}
