package dev.trendmill.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which lines are page furniture on their own. One line per kind of prompt, banner, age and navigation bar, in the
 * cases pages write them: the searches run only on lines holding one of their words, so each word must be there.
 */
final class PageFurnitureTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Sign in", "SIGN UP", "Log in to comment", "Login", "Subscribe now", "Your subscription", "Get our Newsletter",
        "Create a free account", "Already a member? Read on here", "Register for free", "Unlock this article",
        "Become a member", "Support our journalism",
        "We use Cookies. Accept", "Manage consent preferences", "Reject all cookies",
        "3 hours ago", "By Jane Doe · 2 HOURS AGO", "an hour ago", "Just now", "yesterday",
        "Home | News | Cloud", "Docs › Guides › Install", "Blog » Releases » 2026", "Products • Pricing • Docs"
      })
  void furnitureLinesAreRecognizedWhateverTheirCase(String line) {
    assertThat(PageFurniture.isFurnitureLine(line)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The maintainers asked every user to subscribe to the security mailing list before they upgrade the cluster.",
        "Argo CD 2.9 adds a new sync mode for large monorepos.",
        "It shipped two years ago.",
        "Operators | with a single pipe in prose stay put.",
        "The consent of the governance board was required before the donation, which was accepted last week."
      })
  void proseStays(String line) {
    assertThat(PageFurniture.isFurnitureLine(line)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"KReference.Group can now be used in Subscription.Spec.Channel (#5520)", "Fix Subscription's channel to use the new type"})
  void aPromptWordInsideANameInCodeIsNoPrompt(String line) {
    assertThat(PageFurniture.isFurnitureLine(line)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Comments (27) Share", "14 3 Share", "Share Save Print Comments", "Photos: the organisers"})
  void shareRowsWithCountsAndPhotoCredits(String line) {
    assertThat(PageFurniture.isFurnitureLine(line)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"More like these", "Upcoming events", "Keep reading", "In this article"})
  void headingsOfBlocksOfLinks(String line) {
    assertThat(PageFurniture.isRelatedHeading(line)).isTrue();
  }
}
