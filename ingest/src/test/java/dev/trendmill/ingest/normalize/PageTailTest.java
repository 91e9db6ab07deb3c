package dev.trendmill.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where an article stops on a page whose text runs on into the site's tail. */
final class PageTailTest {
  private static final String PARAGRAPH =
      "The maintainers shipped the release after a long beta, with a new scheduler, faster start-up and a much smaller memory footprint on large clusters.";

  @Test
  void theTailGoesFromTheFirstEndMarkerWithTheBlocksJustAboveItThatOpenWithAHeading() {
    String page =
        String.join(
            "\n", PARAGRAPH, "", "See you at the summit!", "", "Missed a session?", "All talks are online.", "Thank you to our sponsors", "Gold: Fabrikam",
            "Share this post Twitter LinkedIn", "Related posts", "Another story", "© 2024 Example Media");

    assertThat(PageTail.cut(page)).isEqualTo(String.join("\n", PARAGRAPH, "", "See you at the summit!", ""));
  }

  @Test
  void aMarkerWithTheArticleStillBelowItIsNoTail() {
    StringBuilder notes = new StringBuilder(PARAGRAPH + "\nAdvertisement\n");
    for (int i = 0; i < 20; i++) {
      notes.append("Fixes a race in the controller when two updates arrive at once (#").append(1000 + i).append(")\n");
    }
    String page = notes.toString();

    assertThat(PageTail.cut(page)).isSameAs(page);
  }

  @Test
  void aShareRowAboveTheTextIsTheHeadNotTheTail() {
    String page = "Share Facebook Twitter Email\nA short post.\nIt has two lines of text and no more.";

    assertThat(PageTail.cut(page)).isSameAs(page);
  }

  @Test
  void aLongListOfShortLinesAboveTheMarkerIsTheArticlesOwn() {
    StringBuilder page = new StringBuilder(PARAGRAPH + "\nThanks to our contributors\n");
    for (int i = 0; i < 15; i++) {
      page.append("@contributor").append(i).append('\n');
    }
    page.append("Tags: release, scheduler");

    assertThat(PageTail.cut(page.toString())).endsWith("@contributor14");
  }

  @Test
  void aPromptJustAboveTheTailGoesWithIt() {
    String page = String.join("\n", PARAGRAPH, "", "Thanks for reading! Subscribe for free to receive new posts and support my work.", "Comments", "© 2024 Example");

    assertThat(PageTail.cut(page)).isEqualTo(PARAGRAPH + "\n");
  }
}
