package dev.trendmill.ingest.normalize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;

/**
 * HTML → the article's own text. jsoup parses (any HTML, however broken); then a readability-style pass: page
 * furniture is removed by element (nav, header, footer, aside, script, style, form...) and by class or id (related,
 * share, subscribe, cookie, comments...), each remaining paragraph scores its parent and grandparent by its length and
 * commas, the best-scoring container (discounted by its link density) is the main content, and its paragraphs,
 * headings, list items and quotes are the body, one per paragraph, without link lists and furniture lines.
 * Hand-written on jsoup because the Java ports of Readability are unmaintained; the scoring follows Arc90's.
 */
public final class HtmlText {
  private static final Pattern HTML_HINT =
      Pattern.compile("(?i)<(html|body|head|p|div|article|section|br|h[1-6]|span|a|ul|ol|li|table|main|script|style)[\\s>/]");
  private static final String FURNITURE_TAGS =
      "script, style, noscript, template, nav, header, footer, aside, form, iframe, svg, button, input, select, textarea, dialog, menu, object, embed, canvas, figure > img, [hidden], [aria-hidden=true], [role=navigation], [role=banner], [role=contentinfo], [role=complementary], [role=dialog]";
  private static final Pattern FURNITURE_CLASS =
      Pattern.compile(
          "(?i)(^|[\\s_-])((nav|navbar|menu|breadcrumbs?|masthead|site-header|footer|sidebar|more-stories|read-next|subscribe|subscription|signup|sign-up|login|paywall|consent|gdpr|banner|advert|ads?|comments?|disqus|popup|modal|widget|tags|likes?|most-read|outbrain|taboola)([\\s_-]|$)"
              // Words that also start a compound class: "relatedposts", "sharedaddy", "sponsored".
              + "|(related|recommended|share|sharing|social|newsletter|cookie|promo|sponsor|trending)[\\p{Alnum}]*([\\s_-]|$))");
  private static final Pattern POSITIVE_CLASS =
      Pattern.compile("(?i)(article|body|content|entry|main|page|post|story|text|blog)");
  private static final Pattern SITE_BRAND = Pattern.compile("(?i)(^|[\\s_-])(logo|brand|site-title|site-name|masthead|navbar|site-header)([\\s_-]|$)");
  private static final Pattern BLOCK_TAGS = Pattern.compile("p|h[1-6]|li|blockquote|pre|td|dd|dt|figcaption");

  private HtmlText() {}

  /** Whether a body looks like HTML rather than plain text with a stray angle bracket. */
  public static boolean looksLikeHtml(String text) {
    return text != null && text.indexOf('<') >= 0 && HTML_HINT.matcher(text).find();
  }

  /**
   * The title of a page: its headline (the first {@code h1} that is not the site's name in a page header, logo or
   * brand), else og:title, else {@code <title>} without a " | Site" suffix, else the first heading of the content when
   * the {@code <title>} is only the site's name. Null if none.
   */
  public static String title(Document doc) {
    Element headline = headline(doc);
    if (headline != null && !headline.text().isBlank()) {
      return headline.text().strip();
    }
    String og = doc.select("meta[property=og:title]").attr("content").strip();
    if (!og.isEmpty()) {
      return og;
    }
    String title = doc.title().strip();
    String[] parts = title.split("\\s+[|–—-]\\s+|\\s+::\\s+");
    String fromTitle = parts.length > 1 && parts[0].strip().length() >= 15 ? parts[0].strip() : title;
    Element contentHeading = doc.select("h2, h3").stream().filter(heading -> !inPageChrome(heading)).findFirst().orElse(null);
    if (contentHeading != null && (fromTitle.isEmpty() || isSiteName(doc, fromTitle))) {
      return contentHeading.text().strip();
    }
    return fromTitle.isEmpty() ? null : fromTitle;
  }

  /** The first {@code h1} that is the page's own, not the site's name in its header, logo or brand. */
  private static Element headline(Document doc) {
    for (Element h1 : doc.select("h1")) {
      if (!inPageChrome(h1) && !SITE_BRAND.matcher(h1.className() + " " + h1.id()).find()) {
        return h1;
      }
    }
    return null;
  }

  /** Inside the page's header, navigation, sidebar or footer, and not inside an article or the main content. */
  private static boolean inPageChrome(Element element) {
    boolean chrome = false;
    for (Element e = element; e != null; e = e.parent()) {
      String tag = e.tagName();
      if (tag.equals("article") || tag.equals("main") || e.attr("role").equals("main")) {
        return false;
      }
      chrome |= tag.equals("header") || tag.equals("nav") || tag.equals("aside") || tag.equals("footer") || SITE_BRAND.matcher(e.className() + " " + e.id()).find();
    }
    return chrome;
  }

  /** The {@code <title>} names the site, not the page: it holds og:site_name or the text of the site's brand. */
  private static boolean isSiteName(Document doc, String title) {
    String lower = title.toLowerCase(Locale.ROOT);
    List<String> names = new ArrayList<>();
    names.add(doc.select("meta[property=og:site_name]").attr("content"));
    for (Element brand : doc.select("header h1, [class*=logo], [class*=brand], [class*=site-title], [class*=site-name]")) {
      names.add(brand.text());
    }
    return names.stream().map(name -> name.strip().toLowerCase(Locale.ROOT)).anyMatch(name -> name.length() >= 3 && lower.contains(name));
  }

  public static Document parse(String html) {
    return Jsoup.parse(html);
  }

  /** The main text of an HTML document or fragment, paragraphs separated by blank lines. */
  public static String mainText(String html) {
    return mainText(parse(html));
  }

  public static String mainText(Document original) {
    Document doc = original.clone();
    Element body = doc.body();
    removeFurniture(body);
    Element main = bestCandidate(body);
    List<String> blocks = new ArrayList<>();
    collectBlocks(main, blocks, false);
    String text = PageFurniture.strip(String.join("\n\n", blocks));
    return TextCleaner.cleanText(text);
  }

  /**
   * The page's visible text as lines in page order, furniture and link lists included: where a byline or dateline
   * is read near the headline.
   */
  public static List<String> lines(Document doc) {
    Element body = doc.body().clone();
    body.select("script, style, noscript, template, svg, iframe, select, textarea, [hidden]").remove();
    List<String> blocks = new ArrayList<>();
    collectBlocks(body, blocks, true);
    List<String> lines = new ArrayList<>();
    for (String block : blocks) {
      for (String line : block.split("\n")) {
        if (!line.isBlank()) {
          lines.add(line.strip());
        }
      }
    }
    return lines;
  }

  private static void removeFurniture(Element body) {
    body.select(FURNITURE_TAGS).remove();
    for (Element element : body.select("[class], [id]")) {
      if (element.parent() == null) {
        continue; // already removed with an ancestor
      }
      String names = element.className() + " " + element.id();
      if (FURNITURE_CLASS.matcher(names).find() && !isMainContainer(element)) {
        element.remove();
      }
    }
    // The article's own header (title, byline) is furniture for the body; a header inside main content too.
    body.select("article > header, main > header").remove();
  }

  /** Never drop the element that holds the whole article because its class mentions e.g. "post-share". */
  private static boolean isMainContainer(Element element) {
    String tag = element.tagName();
    return (tag.equals("article") || tag.equals("main") || tag.equals("body")) || element.select("p").size() >= 5 && linkDensity(element) < 0.25;
  }

  private static Element bestCandidate(Element body) {
    Map<Element, Double> scores = new HashMap<>();
    for (Element paragraph : body.select("p, pre, td, blockquote, div:not(:has(p, div, section, article, ul, ol, table))")) {
      String text = paragraph.text().strip();
      if (text.length() < 25) {
        continue;
      }
      double score = 1 + commas(text) + Math.min(text.length() / 100.0, 3);
      Element parent = paragraph.parent();
      if (parent == null) {
        continue;
      }
      scores.merge(parent, score + initialScore(parent), (a, b) -> a + score);
      Element grandparent = parent.parent();
      if (grandparent != null) {
        scores.merge(grandparent, score / 2 + initialScore(grandparent), (a, b) -> a + score / 2);
      }
    }
    Element best = null;
    double bestScore = 0;
    for (Map.Entry<Element, Double> entry : scores.entrySet()) {
      double score = entry.getValue() * (1 - linkDensity(entry.getKey()));
      if (score > bestScore) {
        best = entry.getKey();
        bestScore = score;
      }
    }
    if (best == null) {
      return body;
    }
    // A container whose one child holds nearly all its text (an article of lists, scored low, beside a promo box or a
    // sponsors list whose paragraphs scored the container) is that child.
    best = dominantChild(best);
    // A container one level up whose other children hold paragraphs of the article too (split by a subheading box)
    // is the main one; not one that scores by its class name and a tip line or a sponsors box beside the article.
    Element parent = best.parent();
    if (parent != null && parent != body.parent() && scores.getOrDefault(parent, 0.0) * (1 - linkDensity(parent)) >= bestScore * 0.75) {
      int inside = textWithin(best);
      if (textWithin(parent) - inside >= inside / 2) {
        return parent;
      }
    }
    return best;
  }

  private static Element dominantChild(Element container) {
    int total = textWithin(container);
    for (Element child : container.children()) {
      String tag = child.tagName();
      boolean box = tag.equals("div") || tag.equals("section") || tag.equals("article") || tag.equals("main");
      if (box && total > 0 && textWithin(child) >= total * 0.85) {
        return child;
      }
    }
    return container;
  }

  /** The text of an element's paragraphs, list items, quotes, code and cells, in characters. */
  private static int textWithin(Element element) {
    int length = 0;
    for (Element block : element.select("p, li, pre, blockquote, td, dd")) {
      length += block.ownText().length();
    }
    return length;
  }

  private static double initialScore(Element element) {
    String tag = element.tagName();
    double score =
        switch (tag) {
          case "article", "main" -> 10;
          case "div", "section" -> 5;
          case "pre", "td", "blockquote" -> 3;
          case "ol", "ul", "li", "form", "dl", "dd", "dt" -> -3;
          case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
          default -> 0;
        };
    String names = element.className() + " " + element.id();
    if (POSITIVE_CLASS.matcher(names).find()) {
      score += 25;
    }
    return score;
  }

  private static int commas(String text) {
    int count = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == ',') {
        count++;
      }
    }
    return count;
  }

  private static double linkDensity(Element element) {
    int total = element.text().length();
    if (total == 0) {
      return 0;
    }
    int links = 0;
    for (Element link : element.select("a")) {
      links += link.text().length();
    }
    return (double) links / total;
  }

  /** Text blocks in document order: paragraphs, headings, list items; loose text in containers becomes a block. */
  private static void collectBlocks(Element element, List<String> blocks, boolean withLinkLists) {
    StringBuilder loose = new StringBuilder();
    for (Node child : element.childNodes()) {
      if (child instanceof TextNode text) {
        loose.append(text.text());
      } else if (child instanceof Element el) {
        String tag = el.tagName();
        if (tag.equals("br")) {
          loose.append('\n');
        } else if (BLOCK_TAGS.matcher(tag).matches()) {
          flush(loose, blocks);
          addBlock(el, blocks, withLinkLists);
        } else if (tag.equals("ul") || tag.equals("ol")) {
          flush(loose, blocks);
          if (withLinkLists || linkDensity(el) < 0.5) {
            collectBlocks(el, blocks, withLinkLists);
          }
        } else if (el.isBlock()) {
          flush(loose, blocks);
          collectBlocks(el, blocks, withLinkLists);
        } else {
          // text() trims: the spaces at the element's edges separate it from its neighbours ("2021<span> by Jane</span>").
          String whole = el.wholeText();
          boolean spaceBefore = !whole.isEmpty() && Character.isWhitespace(whole.charAt(0));
          boolean spaceAfter = !whole.isEmpty() && Character.isWhitespace(whole.charAt(whole.length() - 1));
          loose.append(spaceBefore ? " " : "").append(el.text()).append(spaceAfter ? " " : "");
        }
      }
    }
    flush(loose, blocks);
  }

  private static void addBlock(Element el, List<String> blocks, boolean withLinkLists) {
    String text = el.wholeText().isBlank() ? "" : textWithBreaks(el);
    if (text.isBlank()) {
      return;
    }
    // A paragraph that is mostly links is a link list ("Read more: ...", "Related: ..."), not prose.
    if (!withLinkLists && linkDensity(el) > 0.6 && text.length() < 300) {
      return;
    }
    String prefix = el.tagName().equals("li") ? "- " : "";
    blocks.add(prefix + text.strip());
  }

  private static String textWithBreaks(Element el) {
    Elements breaks = el.select("br");
    if (breaks.isEmpty()) {
      return el.text();
    }
    Element copy = el.clone();
    copy.select("br").forEach(br -> br.after(new TextNode("\n")));
    StringBuilder out = new StringBuilder();
    for (String line : copy.wholeText().split("\n")) {
      out.append(line.strip().replaceAll("\\s+", " ")).append('\n');
    }
    return out.toString();
  }

  private static void flush(StringBuilder loose, List<String> blocks) {
    String text = loose.toString().strip();
    if (text.length() > 0) {
      blocks.add(text.replaceAll("[ \\t]+", " "));
    }
    loose.setLength(0);
  }
}
