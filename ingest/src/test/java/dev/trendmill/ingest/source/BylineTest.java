package dev.trendmill.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Names in bylines as pages write them, and lines that start like a byline but are prose. */
final class BylineTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = "=>",
      value = {
        "By Jane Doe => Jane Doe",
        "BY JANE DOE => JANE DOE",
        "Written by Jane Doe => Jane Doe",
        "Posted on March 3, 2021 by jdoe => jdoe",
        "March 3, 2021 — by Jane Doe => Jane Doe",
        "By Jane Doe · March 3, 2021 => Jane Doe",
        "By Jane Doe, March 3, 2021 => Jane Doe",
        "By Jane Doe on Wednesday, March 3, 2021 => Jane Doe",
        "By Jane Doe | UPDATED 09:15 EST / MARCH 3 2021 => Jane Doe",
        "By Jane Doe (Acme), John Roe (Initech) => Jane Doe (Acme), John Roe (Initech)",
        "By Jane Doe on behalf of the platform team => Jane Doe on behalf of the platform team",
        "By The Platform Team => The Platform Team",
      })
  void readsTheNameInABylineUpToItsDate(String line, String name) {
    assertThat(Byline.author(line)).contains(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"By default, the collector batches spans.", "By the way", "By using this site you agree to our terms", "Standby mode"})
  void proseIsNoByline(String line) {
    assertThat(Byline.author(line)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"by", "Written by", "Author:", "3rd March 2021 — Written by"})
  void aLabelWhoseNameIsOnTheNextLine(String line) {
    assertThat(Byline.isLabel(line)).isTrue();
  }

  @Test
  void theNameAfterAReadingTimeInADateline() {
    assertThat(Byline.inDateline("March 3, 2021 · 6 min · Jane Doe")).contains("Jane Doe");
    assertThat(Byline.inDateline("Engineering · March 3, 2021")).isEmpty(); // a category, no reading time
    assertThat(Byline.inDateline("March 3, 2021 · 6 min read")).isEmpty();
  }

  @Test
  void aBareNameIsCapitalisedWordsOrAHandleWithoutASentence() {
    assertThat(Byline.isBareName("Jane Doe")).isTrue();
    assertThat(Byline.isBareName("Jane Doe (Acme Corp.), John van Roe")).isTrue();
    assertThat(Byline.isBareName("jdoe")).isTrue();
    assertThat(Byline.isBareName("Why histograms matter")).isFalse();
    assertThat(Byline.isBareName("Engineering")).isFalse();
    assertThat(Byline.isBareName("Kubernetes 1.30 Released")).isFalse();
  }

  @Test
  void aDashAfterTheDateAndTheWordsThatMayStandBeforeBy() {
    assertThat(Byline.inDateline("15 September 2022 — Jane Doe, John Roe")).contains("Jane Doe, John Roe");
    assertThat(Byline.inDateline("March 3, 2021 — 6 min read")).isEmpty();
    assertThat(Byline.author("Recap by Jane Doe")).contains("Jane Doe");
    assertThat(Byline.author("Guest post by Jane Doe")).contains("Jane Doe");
  }
}
