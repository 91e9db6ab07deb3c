package dev.trendmill.enrich.extract;

import java.util.Locale;

/**
 * What a Markdown link's target says about its text: {@code [Jane Doe](https://github.com/jdoe)} or a LinkedIn
 * profile names a person, {@code [Acme](https://www.acme.io/)} (the text is the site's name) names an organization,
 * {@code [Widget](https://github.com/acme/widget)} names a project. Only the link text is ever counted, never a name
 * that appears only inside the URL.
 */
final class LinkEvidence {
  enum Kind {
    PERSON,
    ORGANIZATION,
    PROJECT
  }

  /** One link: its text's token range and what its target makes of it. */
  record Link(int first, int last, Kind kind) {}

  private LinkEvidence() {}

  /** Calls {@code sink} for each link in the field whose text is a name its target explains. */
  static void forEach(Field field, java.util.function.Consumer<Link> sink) {
    Scanner sc = field.scanner;
    String text = sc.text;
    int from = 0;
    int close;
    while ((close = text.indexOf("](http", from)) >= 0) {
      from = close + 2;
      int open = text.lastIndexOf('[', close);
      int newline = text.lastIndexOf("\n\n", close);
      if (open < 0 || open < newline || close - open > 80) {
        continue;
      }
      int urlEnd = text.indexOf(')', close);
      if (urlEnd < 0) {
        continue;
      }
      String url = text.substring(close + 2, urlEnd).toLowerCase(Locale.ROOT);
      int first = sc.firstTokenAtOrAfter(open + 1);
      int last = first;
      while (last + 1 < sc.count && sc.end[last + 1] <= close) {
        last++;
      }
      if (first >= sc.count || sc.start[first] >= close || last - first > 3 || !capitalised(sc, first, last)) {
        continue;
      }
      Kind kind = kind(url, fold(sc, first, last), last - first + 1);
      if (kind != null) {
        sink.accept(new Link(first, last, kind));
      }
    }
  }

  private static Kind kind(String url, String folded, int words) {
    String rest = url.replaceFirst("^https?://(www\\.)?", "");
    int slash = rest.indexOf('/');
    String host = slash < 0 ? rest : rest.substring(0, slash);
    String[] path = (slash < 0 ? "" : rest.substring(slash + 1)).replaceAll("[?#].*$", "").split("/");
    int segments = 0;
    for (String segment : path) {
      segments += segment.isEmpty() ? 0 : 1;
    }
    if ((host.equals("github.com") && segments == 1) || host.endsWith("linkedin.com") && rest.contains("/in/")) {
      return words >= 2 && words <= 3 ? Kind.PERSON : null;
    }
    if (host.equals("github.com") && segments == 2 && words == 1 && folded.equals(path[1].replace("-", "").replace("_", ""))) {
      return Kind.PROJECT;
    }
    String[] labels = host.split("\\.");
    String site = labels.length >= 2 ? labels[labels.length - 2] : host;
    if (segments == 0 && folded.length() >= 3 && folded.equals(site.replace("-", ""))) {
      return Kind.ORGANIZATION;
    }
    return null;
  }

  private static boolean capitalised(Scanner sc, int first, int last) {
    for (int t = first; t <= last; t++) {
      if (!sc.is(t, Scanner.UPPER_FIRST) && !(t == first && sc.is(t, Scanner.HAS_LETTER))) {
        return false;
      }
    }
    return sc.is(first, Scanner.UPPER_FIRST) || Character.isDigit(sc.text.charAt(sc.start[first]));
  }

  private static String fold(Scanner sc, int first, int last) {
    StringBuilder out = new StringBuilder();
    for (int t = first; t <= last; t++) {
      out.append(sc.word(t).toLowerCase(Locale.ROOT));
    }
    return out.toString();
  }
}
