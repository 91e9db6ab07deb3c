package dev.trendmill.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Article ids are Kafka keys and de-duplication keys: the same input must give the same id in every release, content
 * ids must ignore case and spacing, and ids from URLs and from content must never collide.
 */
final class ArticleIdsTest {

  @Test
  void theIdOfAUrlNeverChanges() {
    // sha256("https://example.com/news/k8s"), computed outside Java: changing the scheme re-keys every article.
    assertThat(ArticleIds.fromUrl("https://example.com/news/k8s")).isEqualTo("u-b57078bb79e00eba47644ad27723b4a5");
  }

  @Test
  void differentUrlsGetDifferentIds() {
    assertThat(ArticleIds.fromUrl("https://example.com/a")).isNotEqualTo(ArticleIds.fromUrl("https://example.com/b"));
  }

  @Test
  void contentIdsIgnoreCaseAndSpacing() {
    assertThat(ArticleIds.fromContent("Kubernetes  2.0", "It shipped.\n\nMore."))
        .isEqualTo(ArticleIds.fromContent("kubernetes 2.0", " IT SHIPPED. MORE. "));
    assertThat(ArticleIds.fromContent("Kubernetes 2.0", "It shipped."))
        .isNotEqualTo(ArticleIds.fromContent("Kubernetes 2.1", "It shipped."));
  }

  @Test
  void urlIdsAndContentIdsLiveInSeparateSpaces() {
    String text = "https://example.com/a";

    assertThat(ArticleIds.fromUrl(text)).isNotEqualTo(ArticleIds.fromContent(text, ""));
    assertThat(ArticleIds.fromUrl(text).charAt(0)).isNotEqualTo(ArticleIds.fromContent("t", "b").charAt(0));
  }

  @Test
  void idsAreShortAsciiKeys() {
    assertThat(ArticleIds.fromUrl("https://example.com/" + "x".repeat(5_000))).matches("[a-z]-[0-9a-f]{32}");
    assertThat(ArticleIds.fromContent("Ünïcödé", "本文")).matches("[a-z]-[0-9a-f]{32}");
  }
}
