package dev.trendmill.ingest.normalize;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Canonical URLs: lower-case scheme and host, no default port, no fragment, no tracking parameters. */
public final class Urls {
  private static final Set<String> TRACKING =
      Set.of("fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "ref_src", "_hsenc", "_hsmi");

  private Urls() {}

  /** The canonical form, or the trimmed input when it is not an absolute http(s) URL; null stays null. */
  public static String canonical(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    String trimmed = url.strip();
    try {
      URI uri = new URI(trimmed);
      if (uri.getScheme() == null || uri.getHost() == null) {
        return trimmed;
      }
      String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
      int port = uri.getPort();
      if ((scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443)) {
        port = -1;
      }
      String query = uri.getRawQuery() == null ? null : stripTracking(uri.getRawQuery());
      String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      return scheme
          + "://"
          + uri.getHost().toLowerCase(Locale.ROOT)
          + (port == -1 ? "" : ":" + port)
          + path
          + (query == null || query.isEmpty() ? "" : "?" + query);
    } catch (URISyntaxException e) {
      return trimmed;
    }
  }

  private static String stripTracking(String query) {
    return Arrays.stream(query.split("&"))
        .filter(part -> !part.isEmpty())
        .filter(
            part -> {
              String name = part.split("=", 2)[0].toLowerCase(Locale.ROOT);
              return !name.startsWith("utm_") && !TRACKING.contains(name);
            })
        .collect(Collectors.joining("&"));
  }
}
