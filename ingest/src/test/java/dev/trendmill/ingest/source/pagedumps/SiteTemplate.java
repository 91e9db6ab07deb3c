package dev.trendmill.ingest.source.pagedumps;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;

/**
 * A site's page around a post: the HTML under {@code src/test/resources/pages/NAME.html}, with {@code {{title}}},
 * {@code {{body}}}, {@code {{byline}}} (below the headline) and {@code {{above}}} (above it), and the ways the site
 * writes its byline and dates. Every other text of the page is furniture, and a page dump must lose all of it.
 */
public record SiteTemplate(String name, Kind kind, boolean heldOut, List<DateStyle> dates, List<Meta> bylines, Meta anonymous) {
  private static final List<org.commonmark.Extension> MARKDOWN_EXTENSIONS = List.of(TablesExtension.create());
  private static final Parser MARKDOWN = Parser.builder().extensions(MARKDOWN_EXTENSIONS).build();
  private static final HtmlRenderer HTML = HtmlRenderer.builder().extensions(MARKDOWN_EXTENSIONS).build();
  // What a site's Markdown engine (Hugo) never shows: comments and shortcodes.
  private static final Pattern HIDDEN_MARKDOWN = Pattern.compile("(?s)<!--.*?-->|\\{\\{[<%].*?[%>]\\}\\}");

  /** The kinds of site the set covers. */
  public enum Kind {
    NEWS,
    VENDOR,
    PERSONAL,
    CONFERENCE
  }

  /** The headline's company: HTML above it and below it, with {@code {{author}}}, {@code {{AUTHOR}}}, {@code {{date}}}, {@code {{iso}}}. */
  public record Meta(String above, String below) {
    static Meta below(String html) {
      return new Meta("", html);
    }
  }

  /** The two dumps of one post on this site: the saved HTML and the text copied out of a browser. */
  public List<PageDump> render(CorpusPost post) {
    Random random = new Random(post.seed() ^ name.hashCode());
    DateStyle style = dates.get(random.nextInt(dates.size()));
    OffsetDateTime at = style.at(post.day(), LocalTime.of(6 + random.nextInt(17), 5 * random.nextInt(12)));
    Meta meta = post.author() == null ? anonymous : bylines.get(random.nextInt(bylines.size()));
    String above = fill(meta.above(), post, style.format(at), at);
    String below = fill(meta.below(), post, style.format(at), at);
    String body = bodyHtml(post.markdown());
    String html = page(Entities.escape(post.title()), above, below, body, at);

    List<String> furniture = lines(page("", "", "", "", at));
    List<String> metaLines = lines(above + "\n<div></div>\n" + below);
    List<String> bodyLines = lines(body);
    String text = BrowserText.of(Jsoup.parse(html).body());
    return List.of(
        new PageDump(name + "-" + slug(post) + ".html", this, post, style, html, furniture, metaLines, bodyLines),
        new PageDump(name + "-" + slug(post) + ".txt", this, post, style, text, furniture, metaLines, bodyLines));
  }

  private String page(String title, String above, String below, String body, OffsetDateTime at) {
    return template()
        .replace("{{title}}", title)
        .replace("{{above}}", above)
        .replace("{{byline}}", below)
        .replace("{{iso}}", at.toString())
        .replace("{{body}}", body);
  }

  private static String fill(String snippet, CorpusPost post, String date, OffsetDateTime at) {
    String author = post.author() == null ? "" : post.author();
    return snippet
        .replace("{{author}}", Entities.escape(author))
        .replace("{{AUTHOR}}", Entities.escape(author.toUpperCase(Locale.US)))
        .replace("{{date}}", Entities.escape(date))
        .replace("{{iso}}", at.toString());
  }

  static String bodyHtml(String markdown) {
    return HTML.render(MARKDOWN.parse(HIDDEN_MARKDOWN.matcher(markdown).replaceAll("")));
  }

  /** The distinct non-empty lines a browser shows for some HTML. */
  static List<String> lines(String html) {
    Set<String> lines = new LinkedHashSet<>();
    for (String line : BrowserText.of(Jsoup.parseBodyFragment(html).body()).split("\n")) {
      if (!line.isBlank()) {
        lines.add(line.strip());
      }
    }
    return new ArrayList<>(lines);
  }

  private String template() {
    try (InputStream in = SiteTemplate.class.getResourceAsStream("/pages/" + name + ".html")) {
      if (in == null) {
        throw new IllegalStateException("no template /pages/" + name + ".html");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The URL's last part, and a few hex digits of the post's seed: two blogs may give posts the same last part. */
  private static String slug(CorpusPost post) {
    String[] parts = post.url().replaceAll("/+$", "").split("/");
    String last = parts[parts.length - 1].replaceAll("[^A-Za-z0-9-]", "").toLowerCase(Locale.ROOT);
    return (last.length() > 60 ? last.substring(0, 60) : last) + "-" + String.format("%04x", post.seed() & 0xFFFF);
  }
}
