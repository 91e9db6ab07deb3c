package dev.trendmill.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Dates as bylines write them: month names and numbers, weekdays, times before or after, zones. */
final class DateFinderTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "March 3 2021                            | 2021-03-03T00:00:00Z",
        "Sept. 9, 2020                           | 2020-09-09T00:00:00Z",
        "2021-03-03                              | 2021-03-03T00:00:00Z",
        "Updated 09:15 EST / March 3 2021        | 2021-03-03T14:15:00Z",
        "Tuesday, 14 February 2023 at 10:30 CET  | 2023-02-14T09:30:00Z",
        "Published Mon, Jan 5th, 2015 9:05 pm    | 2015-01-05T21:05:00Z",
        "By Ann Lee, 12 Dec. 2019                | 2019-12-12T00:00:00Z",
        "Posted 2022-07-01T12:30:00+02:00        | 2022-07-01T10:30:00Z",
        "Posted 2022-07-01 08:00 PDT             | 2022-07-01T15:00:00Z",
        "03/09/2021                              | 2021-03-09T00:00:00Z",
        "25/12/2020                              | 2020-12-25T00:00:00Z",
        "09.03.2021 um 14:00                     | 2021-03-09T14:00:00Z",
        "december 31st 1999, 11:59:59 p.m. UTC   | 1999-12-31T23:59:59Z",
      })
  void readsTheCommonFormats(String line, String expected) {
    assertThat(DateFinder.find(line)).contains(Instant.parse(expected));
  }

  @Test
  void aPublishedLineWinsOverAnUpdatedOne() {
    assertThat(DateFinder.find("Title\nUpdated March 5, 2021\nPublished March 3, 2021\nBody."))
        .contains(Instant.parse("2021-03-03T00:00:00Z"));
  }

  @Test
  void onlyTheFirstLinesAreSearchedAndNonsenseIsNoDate() {
    String body = "Title\n" + "line\n".repeat(DateFinder.LINES + 1) + "March 3 2021";
    assertThat(DateFinder.find(body)).isEmpty();
    assertThat(DateFinder.find("Version 2.13.45 ships in May with 300 fixes")).isEmpty();
    assertThat(DateFinder.find("February 30 2021")).isEmpty();
    assertThat(DateFinder.find(null)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"UPDATED 09:15 EST / MARCH 3 2021", "Posted on 2021-03-03", "March 3, 2021 · 7 min read", "CLOUD | Mar. 3, 2021 4:05 PM PST", "Wednesday, March 3rd, 2021"})
  void aDatelineIsADateAndLittleElse(String line) {
    assertThat(DateFinder.isDateline(line)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Ten tricks for your cluster, Feb. 27, 2019", "By Jane Doe · March 3, 2021", "The release of March 3 2021 fixed the scheduler.", "No date here"})
  void aLineWithMoreThanADateIsNoDateline(String line) {
    assertThat(DateFinder.isDateline(line)).isFalse();
  }
}
