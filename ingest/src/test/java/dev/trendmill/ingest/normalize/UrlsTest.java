package dev.trendmill.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Canonical URLs, which the article id is derived from: variants of one address (case of scheme and host, default
 * port, fragment, tracking parameters) collapse to one, while anything that names a different page is kept.
 */
final class UrlsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "HTTPS://Example.COM/News/K8s | https://example.com/News/K8s",
        "https://example.com:443/a | https://example.com/a",
        "http://example.com:80/a | http://example.com/a",
        "http://example.com:8080/a | http://example.com:8080/a",
        "https://example.com:80/a | https://example.com:80/a",
        "https://example.com | https://example.com/",
        "https://example.com?x=1 | https://example.com/?x=1",
        "https://example.com/a#section-2 | https://example.com/a",
        "https://example.com/a?utm_source=rss&utm_medium=feed&UTM_CAMPAIGN=x | https://example.com/a",
        "https://example.com/a?b=2&utm_source=rss&a=1 | https://example.com/a?b=2&a=1",
        "https://example.com/a?fbclid=1&gclid=2&msclkid=3&id=9 | https://example.com/a?id=9",
        "https://example.com/a?utm_source | https://example.com/a",
        "https://example.com/a?&&x=1&& | https://example.com/a?x=1",
        "https://example.com/a%20b?q=a%26b | https://example.com/a%20b?q=a%26b",
        "https://user:secret@example.com/a | https://example.com/a",
        "'  https://example.com/a  ' | https://example.com/a",
      })
  void variantsCollapseToOneCanonicalForm(String url, String canonical) {
    assertThat(Urls.canonical(url)).isEqualTo(canonical);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/relative/path", "example.com/a", "mailto:news@example.com", "not a url", "urn:isbn:0451450523"})
  void whatIsNotAnAbsoluteHttpUrlIsKeptAsGiven(String url) {
    assertThat(Urls.canonical(url)).isEqualTo(url);
    assertThat(Urls.canonical("  " + url + "\n")).isEqualTo(url);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "\t\n"})
  void noUrlIsNull(String url) {
    assertThat(Urls.canonical(url)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://example.com/a",
        "https://EXAMPLE.com/a#top",
        "https://example.com:443/a?utm_source=x",
        "HTTPS://example.com/a?fbclid=y&utm_campaign=z#c",
      })
  void canonicalIsIdempotent(String url) {
    String canonical = Urls.canonical(url);

    assertThat(canonical).isEqualTo("https://example.com/a");
    assertThat(Urls.canonical(canonical)).isEqualTo(canonical);
  }
}
