package dev.trendmill.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The headline, byline and dateline of pages copied out of a browser, with the furniture sites put above them. */
final class PageHeadTest {
  @Test
  void aNewsPageHeadlineIsTheLineItsBylineFollowsNotTheSitesNameOrCategory() {
    List<String> lines =
        List.of(
            "Sign in", "THE DAILY STACK", "News", "Cloud", "Security", "OBSERVABILITY", "Tracing goes mainstream at last", "By Jane Doe",
            "UPDATED 09:15 EST / MARCH 3 2021", "Share Facebook Twitter Email", "", "The first paragraph of the story.");

    PageHead head = PageHead.read(lines).orElseThrow();

    assertThat(lines.get(head.titleAt())).isEqualTo("Tracing goes mainstream at last");
    assertThat(head.date()).contains(Instant.parse("2021-03-03T14:15:00Z"));
    assertThat(head.author()).isEqualTo("Jane Doe");
    assertThat(head.metaLines()).containsExactlyInAnyOrder(7, 8);
  }

  @Test
  void aVendorBlogWithBackLinkBreadcrumbDateUnderTheHeadlineAndByOnItsOwnLine() {
    List<String> lines =
        List.of("Acme", "Pricing", "← Back to the blog", "Blog / Engineering", "How we sample traces", "March 3, 2021 · 7 min read", "by", "Jane Doe", "", "Text.");

    PageHead head = PageHead.read(lines).orElseThrow();

    assertThat(lines.get(head.titleAt())).isEqualTo("How we sample traces");
    assertThat(head.date()).contains(Instant.parse("2021-03-03T00:00:00Z"));
    assertThat(head.author()).isEqualTo("Jane Doe");
    assertThat(head.metaLines()).containsExactlyInAnyOrder(5, 6, 7);
  }

  @Test
  void aDatelineAboveTheHeadlineAndOtherStoriesWithTheirDatesBeforeIt() {
    List<String> lines =
        List.of(
            "Most popular", "Ten tricks for your cluster Feb. 27, 2019", "The cost of a registry Jan. 12, 2019", "CLOUD | Mar. 3, 2021 4:05 PM PST",
            "v2.1 release", "", "The release adds a new scheduler.");

    PageHead head = PageHead.read(lines).orElseThrow();

    assertThat(lines.get(head.titleAt())).isEqualTo("v2.1 release");
    assertThat(head.date()).contains(Instant.parse("2021-03-04T00:05:00Z"));
    assertThat(head.author()).isNull();
  }

  @Test
  void aBylineSplitOverTwoLines() {
    List<String> lines = List.of("Kubernetes 2.0 ships", "By Jane Doe,", "March 3, 2021", "", "Text.");

    PageHead head = PageHead.read(lines).orElseThrow();

    assertThat(head.titleAt()).isZero();
    assertThat(head.date()).contains(Instant.parse("2021-03-03T00:00:00Z"));
    assertThat(head.author()).isEqualTo("Jane Doe");
  }

  @Test
  void withoutBylineOrDatelineTheFirstLineThatIsNotFurnitureOrALabel() {
    List<String> lines = List.of("Skip to content", "NOTES", "Notes from the community call", "", "The maintainers walked through the roadmap.");

    assertThat(PageHead.read(lines).orElseThrow().titleAt()).isEqualTo(2);
  }

  @Test
  void aKnownHeadlineIsFoundAmongThePagesLines() {
    List<String> lines = List.of("Site", "Headline here", "Posted on 2021-03-03 by jdoe", "Text.");

    PageHead head = PageHead.around(lines, "Headline  here").orElseThrow();

    assertThat(head.titleAt()).isEqualTo(1);
    assertThat(head.author()).isEqualTo("jdoe");
    assertThat(PageHead.around(lines, "Another headline")).isEmpty();
  }

  @Test
  void aBareNameAboveTheDatelineIsTheBylineNotTheHeadline() {
    List<String> lines = List.of("Pager Notes Subscribe Sign in", "What a year of on-call taught me", "Jane Doe (Acme)", "Mar 3, 2021", "", "Text.");

    PageHead head = PageHead.read(lines).orElseThrow();

    assertThat(head.titleAt()).isEqualTo(1);
    assertThat(head.author()).isEqualTo("Jane Doe (Acme)");
    assertThat(head.date()).contains(Instant.parse("2021-03-03T00:00:00Z"));
  }

  @Test
  void aShortTitleCaseHeadlineUnderACategoryStaysTheHeadline() {
    List<String> lines = List.of("Meetup recap", "Subquery Support", "Posted March 3, 2021", "", "Text.");

    assertThat(PageHead.read(lines).orElseThrow().titleAt()).isEqualTo(1);
  }
}
