package dev.trendmill.ingest.source.pagedumps;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The text a browser copies when a whole page is selected, after the HTML standard's {@code innerText}: nothing from
 * the head, scripts, styles or form fields; a line break around each block, two around a paragraph; a tab between
 * table cells; whitespace folded except in {@code pre}. Written here because no Java library renders it, and a
 * headless browser is too heavy for a unit test.
 */
public final class BrowserText {
  private static final Set<String> SKIPPED =
      Set.of("head", "script", "style", "noscript", "template", "title", "meta", "link", "input", "textarea", "select", "svg", "img", "iframe");
  private static final Set<String> BLOCKS =
      Set.of(
          "address", "article", "aside", "blockquote", "body", "dd", "details", "dialog", "div", "dl", "dt", "fieldset",
          "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li",
          "main", "nav", "ol", "pre", "section", "summary", "table", "tr", "ul", "caption");

  private BrowserText() {}

  /** The element's text as copied from a browser, lines joined with line feeds. */
  public static String of(Element root) {
    List<Object> parts = new ArrayList<>(); // strings, and Integers: the line breaks a block asks for
    visit(root, parts, false);
    StringBuilder out = new StringBuilder();
    int pendingBreaks = 0;
    for (Object part : parts) {
      if (part instanceof Integer breaks) {
        pendingBreaks = Math.max(pendingBreaks, breaks);
      } else {
        String text = (String) part;
        boolean lineStart = out.isEmpty() || pendingBreaks > 0 || out.charAt(out.length() - 1) == '\n';
        if (lineStart && text.isBlank() && !text.contains("\n")) {
          continue; // the space between two blocks in the source
        }
        if (!out.isEmpty() && pendingBreaks > 0) {
          out.append("\n".repeat(pendingBreaks));
        }
        pendingBreaks = 0;
        out.append(text);
      }
    }
    List<String> lines = new ArrayList<>();
    for (String line : out.toString().split("\n", -1)) {
      lines.add(line.replaceAll("[ \\u00A0]+", " ").strip());
    }
    return String.join("\n", lines).replaceAll("\n{3,}", "\n\n").strip();
  }

  private static void visit(Node node, List<Object> parts, boolean pre) {
    if (node instanceof TextNode text) {
      String value = pre ? text.getWholeText() : text.getWholeText().replaceAll("\\s+", " ");
      if (!value.isEmpty()) {
        parts.add(value);
      }
      return;
    }
    if (!(node instanceof Element element)) {
      return;
    }
    String tag = element.tagName().toLowerCase(Locale.ROOT);
    if (SKIPPED.contains(tag) || element.hasAttr("hidden") || element.attr("style").replace(" ", "").contains("display:none")) {
      return;
    }
    if (tag.equals("br")) {
      parts.add("\n");
      return;
    }
    int breaks = tag.equals("p") ? 2 : BLOCKS.contains(tag) ? 1 : 0;
    if ((tag.equals("td") || tag.equals("th")) && element.elementSiblingIndex() > 0) {
      parts.add("\t");
    }
    if (breaks > 0) {
      parts.add(breaks);
    }
    for (Node child : element.childNodes()) {
      visit(child, parts, pre || tag.equals("pre"));
    }
    if (breaks > 0) {
      parts.add(breaks);
    }
  }
}
