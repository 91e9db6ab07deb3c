package dev.trendmill.ingest.source.pagedumps;

import static dev.trendmill.ingest.source.pagedumps.DateStyle.capitals;
import static dev.trendmill.ingest.source.pagedumps.DateStyle.of;
import static dev.trendmill.ingest.source.pagedumps.DateStyle.zoned;

import dev.trendmill.ingest.source.pagedumps.SiteTemplate.Kind;
import dev.trendmill.ingest.source.pagedumps.SiteTemplate.Meta;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The sites a post is dumped from, of four kinds (news, vendor blog, personal blog, conference), and the ways each
 * writes bylines and dates (varied per post). Sites held out are used only for TEST posts and never looked at while
 * tuning. They were held out in rounds, each measured once and then tuned on: first news-ledger, vendor-contoso,
 * personal-wordpress and conf-devdays; then news-register, vendor-docusaurus, personal-newsletter and conf-meetup,
 * written before the first round's misses were read; the four held out now were written before the second round's
 * misses were read.
 */
public final class SiteTemplates {
  private SiteTemplates() {}

  /** Tuned on: DEV posts only, and TEST posts half of the time. */
  private static final List<SiteTemplate> TUNED =
      List.of(
          new SiteTemplate(
              "news-wire",
              Kind.NEWS,
              false,
              List.of(
                  capitals("'UPDATED' HH:mm 'EST' / MMMM d yyyy", "-05:00"),
                  capitals("'PUBLISHED' MMMM d, yyyy h:mm a 'EST'", "-05:00"),
                  capitals("MMM. d, yyyy 'AT' h:mm a 'PST'", "-08:00"),
                  capitals("MMMM d, yyyy", "Z")),
              List.of(
                  Meta.below("<p class=\"byline\">By <a href=\"/staff/\">{{author}}</a></p>\n<p class=\"dateline\">{{date}}</p>"),
                  Meta.below("<div class=\"byline-block\"><span class=\"byline\">BY {{AUTHOR}}</span><br><span class=\"dateline\">{{date}}</span></div>"),
                  Meta.below("<p class=\"byline\">By <a href=\"/staff/\">{{author}}</a> | {{date}}</p>")),
              Meta.below("<p class=\"dateline\">{{date}}</p>")),
          new SiteTemplate(
              "news-daily",
              Kind.NEWS,
              false,
              List.of(
                  capitals("MMM. d, yyyy h:mm a 'PST'", "-08:00"),
                  zoned("MMMM d, yyyy 'at' h:mm a 'EDT'", "-04:00"),
                  of("EEEE, MMMM d, yyyy")),
              List.of(
                  new Meta(
                      "<span class=\"cat\">CLOUD</span> | <span class=\"date\">{{date}}</span>",
                      "<div class=\"author-line\">By <a href=\"/author/\">{{author}}</a></div>"),
                  new Meta(
                      "<span class=\"cat\">CLOUD</span>",
                      "<div class=\"author-line\">By <a href=\"/author/\">{{author}}</a>,<br><span class=\"date\">{{date}}</span></div>")),
              new Meta("<span class=\"cat\">CLOUD</span> | <span class=\"date\">{{date}}</span>", "")),
          new SiteTemplate(
              "news-ledger",
              Kind.NEWS,
              false,
              List.of(
                  capitals("'PUBLISHED' h:mm a 'EST', EEE MMMM d, yyyy", "-05:00"),
                  capitals("MMMM d, yyyy / h:mm a 'EST'", "-05:00"),
                  capitals("'UPDATED' MMM d yyyy, HH:mm 'GMT'", "Z")),
              List.of(
                  Meta.below("<div class=\"by\">BY {{AUTHOR}}</div>\n<div class=\"when\">{{date}}</div>"),
                  Meta.below("<div class=\"by\">by</div>\n<div class=\"by-name\">{{author}}</div>\n<div class=\"when\">{{date}}</div>")),
              Meta.below("<div class=\"when\">{{date}}</div>")),
          new SiteTemplate(
              "vendor-acme",
              Kind.VENDOR,
              false,
              List.of(of("MMMM d, yyyy"), of("MMM d, yyyy"), of("d MMMM yyyy")),
              List.of(
                  Meta.below(
                      "<div class=\"post-date\">{{date}} · 7 min read</div>\n"
                          + "<div class=\"author\"><span class=\"author-label\">by</span><br><a class=\"author-name\" href=\"/blog/authors/\">{{author}}</a></div>"),
                  Meta.below(
                      "<div class=\"post-date\"><time datetime=\"{{iso}}\">{{date}}</time></div>\n"
                          + "<div class=\"author\"><div class=\"author-label\">by</div><div class=\"author-name\">{{author}}</div></div>")),
              Meta.below("<div class=\"post-date\">{{date}} · 7 min read</div>")),
          new SiteTemplate(
              "vendor-northwind",
              Kind.VENDOR,
              false,
              List.of(of("MMMM d, yyyy"), of("MMM d, yyyy"), of("yyyy-MM-dd")),
              List.of(
                  Meta.below("<div class=\"written\"><p class=\"label\">Written by</p><p class=\"name\">{{author}}</p></div>\n<p class=\"published\">Published on {{date}}</p>"),
                  Meta.below("<p class=\"published\">{{date}}</p>\n<div class=\"written\">Written by<br>{{author}}</div>")),
              Meta.below("<p class=\"published\">Published on {{date}}</p>")),
          new SiteTemplate(
              "vendor-contoso",
              Kind.VENDOR,
              false,
              List.of(of("dd MMM yyyy"), of("MMMM d, yyyy"), of("MMM d§, yyyy")),
              List.of(
                  Meta.below("<p class=\"date\">{{date}}</p>\n<p class=\"byline-label\">by</p>\n<p class=\"byline-name\">{{author}}</p>"),
                  Meta.below("<div class=\"meta\"><span>{{date}}</span> · <span>5 min read</span></div>\n<div class=\"authors\">by<br>{{author}}</div>")),
              Meta.below("<p class=\"date\">{{date}}</p>")),
          new SiteTemplate(
              "personal-hugo",
              Kind.PERSONAL,
              false,
              List.of(of("MMMM d, yyyy"), of("yyyy-MM-dd"), of("d MMMM yyyy"), of("MMM d, yyyy")),
              List.of(
                  Meta.below("<div class=\"post-meta\">Posted on {{date}} by {{author}}</div>"),
                  Meta.below("<div class=\"post-meta\"><span title=\"{{iso}}\">{{date}}</span>&nbsp;·&nbsp;6 min&nbsp;·&nbsp;{{author}}</div>"),
                  Meta.below("<div class=\"post-meta\">{{date}}</div>\n<div class=\"post-author\">by {{author}}</div>")),
              Meta.below("<div class=\"post-meta\">{{date}}</div>")),
          new SiteTemplate(
              "personal-wordpress",
              Kind.PERSONAL,
              false,
              List.of(of("MMMM d, yyyy"), of("d MMMM yyyy"), of("EEEE, MMMM d§, yyyy")),
              List.of(
                  Meta.below(
                      "<span class=\"posted-on\">Posted on <a href=\"/\" rel=\"bookmark\"><time class=\"entry-date published\" datetime=\"{{iso}}\">{{date}}</time></a></span>"
                          + "<span class=\"byline\"> by <span class=\"author vcard\"><a class=\"url fn n\" href=\"/author/\">{{author}}</a></span></span>"),
                  Meta.below("<span class=\"posted-on\">{{date}}</span> <span class=\"byline\">— {{author}}</span>")),
              Meta.below("<span class=\"posted-on\">Posted on <time>{{date}}</time></span>")),
          new SiteTemplate(
              "conf-summit",
              Kind.CONFERENCE,
              false,
              List.of(of("MMMM d, yyyy"), of("MMM d, yyyy"), of("EEEE, MMMM d, yyyy")),
              List.of(
                  Meta.below("<p class=\"post-info\">By {{author}} on {{date}}</p>"),
                  Meta.below("<p class=\"post-info\">Posted {{date}}</p>\n<p class=\"post-author\">by {{author}}</p>")),
              Meta.below("<p class=\"post-info\">Posted {{date}}</p>")),
          new SiteTemplate(
              "conf-devdays",
              Kind.CONFERENCE,
              false,
              List.of(of("d§ MMMM yyyy"), of("dd.MM.yyyy"), of("d MMM yyyy")),
              List.of(
                  Meta.below("<div class=\"meta\">{{date}} — Written by<br>{{author}}</div>"),
                  Meta.below("<div class=\"meta\"><p>{{date}}</p><p>Written by</p><p>{{author}}</p></div>")),
              Meta.below("<div class=\"meta\">{{date}}</div>")));

  /** The second round of held-out sites, measured once, then tuned on. */
  private static final List<SiteTemplate> SECOND_ROUND =
      List.of(
          new SiteTemplate(
              "news-register",
              Kind.NEWS,
              false,
              List.of(of("EEE d MMM yyyy // HH:mm 'UTC'"), of("'Published' EEE d MMM yyyy HH:mm 'GMT'"), of("d MMMM yyyy")),
              List.of(
                  Meta.below("<div class=\"byline\"><a class=\"byline\" href=\"/Author/\">{{author}}</a></div>\n<div class=\"dateline\"><span>{{date}}</span></div>"),
                  Meta.below("<div class=\"byline\">By <a href=\"/Author/\">{{author}}</a> — {{date}}</div>"),
                  Meta.below("<div class=\"byline\">By <a href=\"/Author/\">{{author}}</a></div>\n<div class=\"dateline\">{{date}}</div>")),
              Meta.below("<div class=\"dateline\">{{date}}</div>")),
          new SiteTemplate(
              "vendor-docusaurus",
              Kind.VENDOR,
              false,
              List.of(of("MMMM d, yyyy"), of("MMM d, yyyy")),
              List.of(
                  Meta.below(
                      "<div class=\"container_blogmeta\"><time datetime=\"{{iso}}\">{{date}}</time> · 6 min read</div>\n"
                          + "<div class=\"avatar\"><div class=\"avatar__intro\"><div class=\"avatar__name\"><a href=\"https://github.com/\">{{author}}</a></div>"
                          + "<small class=\"avatar__subtitle\">Maintainer</small></div></div>"),
                  Meta.below(
                      "<div class=\"container_blogmeta\"><time datetime=\"{{iso}}\">{{date}}</time> · 6 min read</div>\n<div class=\"authors\">By <a href=\"/\">{{author}}</a></div>")),
              Meta.below("<div class=\"container_blogmeta\"><time datetime=\"{{iso}}\">{{date}}</time> · 6 min read</div>")),
          new SiteTemplate(
              "personal-newsletter",
              Kind.PERSONAL,
              false,
              List.of(of("MMM d, yyyy"), of("MMMM d, yyyy")),
              List.of(
                  Meta.below("<div class=\"post-meta\"><div class=\"author-name\"><a href=\"/\">{{author}}</a></div><div class=\"post-date\">{{date}}</div></div>"),
                  Meta.below("<div class=\"post-meta\"><div class=\"byline\">by {{author}}</div><div class=\"post-date\">{{date}}</div></div>")),
              Meta.below("<div class=\"post-meta\"><div class=\"post-date\">{{date}}</div></div>")),
          new SiteTemplate(
              "conf-meetup",
              Kind.CONFERENCE,
              false,
              List.of(of("MMMM d, yyyy"), of("d MMM yyyy"), of("EEEE, MMMM d, yyyy · h:mm a 'WET'")),
              List.of(
                  Meta.below("<p class=\"recap-meta\">Posted {{date}} · Written by {{author}}</p>"),
                  Meta.below("<p class=\"recap-meta\">{{date}}</p>\n<p class=\"recap-author\">Recap by {{author}}</p>")),
              Meta.below("<p class=\"recap-meta\">Posted {{date}}</p>")));

  /** Held out now (third round): written before the second round's misses were read, never tuned on. */
  private static final List<SiteTemplate> HELD_OUT =
      List.of(
          new SiteTemplate(
              "news-bulletin",
              Kind.NEWS,
              true,
              List.of(zoned("MMMM d, yyyy h:mm a 'UTC'", "Z"), of("MMMM d, yyyy")),
              List.of(
                  Meta.below("<div class=\"byline\">By <a href=\"/authors/\">{{author}}</a></div>\n<div class=\"date-line\"><time datetime=\"{{iso}}\">{{date}}</time> <span>Updated 2 hours ago</span></div>"),
                  Meta.below("<div class=\"date-line\"><time datetime=\"{{iso}}\">{{date}}</time></div>\n<div class=\"byline\">By <a href=\"/authors/\">{{author}}</a></div>")),
              Meta.below("<div class=\"date-line\"><time datetime=\"{{iso}}\">{{date}}</time></div>")),
          new SiteTemplate(
              "vendor-ghost",
              Kind.VENDOR,
              true,
              List.of(of("MMM d, yyyy"), of("d MMM yyyy")),
              List.of(
                  Meta.below(
                      "<section class=\"article-byline\"><div class=\"article-byline-meta\"><h4 class=\"author-name\"><a href=\"/author/\">{{author}}</a></h4>"
                          + "<div class=\"byline-meta-content\"><time class=\"byline-meta-date\" datetime=\"{{iso}}\">{{date}}</time> <span class=\"byline-reading-time\"><span class=\"bull\">•</span> 5 min read</span></div></div></section>"),
                  Meta.below(
                      "<section class=\"article-byline\"><div class=\"article-byline-meta\"><div class=\"byline-meta-content\">By <a href=\"/author/\">{{author}}</a></div>"
                          + "<div class=\"byline-meta-content\"><time class=\"byline-meta-date\" datetime=\"{{iso}}\">{{date}}</time></div></div></section>")),
              Meta.below("<div class=\"byline-meta-content\"><time class=\"byline-meta-date\" datetime=\"{{iso}}\">{{date}}</time> <span>• 5 min read</span></div>")),
          new SiteTemplate(
              "personal-jekyll",
              Kind.PERSONAL,
              true,
              List.of(of("MMM d, yyyy"), of("yyyy-MM-dd")),
              List.of(
                  Meta.below("<p class=\"post-meta\"><time class=\"dt-published\" datetime=\"{{iso}}\" itemprop=\"datePublished\">{{date}}</time> • <span itemprop=\"author\">{{author}}</span></p>"),
                  Meta.below("<p class=\"post-meta\"><time class=\"dt-published\" datetime=\"{{iso}}\">{{date}}</time></p>\n<p class=\"post-author\">Written by {{author}}</p>")),
              Meta.below("<p class=\"post-meta\"><time class=\"dt-published\" datetime=\"{{iso}}\">{{date}}</time></p>")),
          new SiteTemplate(
              "conf-foundation",
              Kind.CONFERENCE,
              true,
              List.of(of("MMMM d, yyyy"), of("MMM d, yyyy")),
              List.of(
                  Meta.below("<p class=\"meta\">Posted on {{date}} by {{author}}</p>\n<p class=\"cats\">Categories: Event recaps</p>"),
                  Meta.below("<div class=\"author\"><span>Guest post by</span> <strong>{{author}}</strong></div>\n<div class=\"date\">{{date}}</div>")),
              Meta.below("<p class=\"meta\">Posted on {{date}}</p>")));

  /** Every site: those tuned on, then those held out. */
  public static final List<SiteTemplate> ALL = Stream.of(TUNED, SECOND_ROUND, HELD_OUT).flatMap(List::stream).toList();

  /**
   * The site a post is dumped from: a kind by the post's seed, then one of that kind's sites a DEV post may use (not
   * held out); a TEST post goes to a held-out site half of the time.
   */
  public static SiteTemplate siteFor(CorpusPost post) {
    Random random = new Random(post.seed());
    Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
    boolean heldOut = post.half() == CorpusPost.Half.TEST && random.nextBoolean();
    List<SiteTemplate> candidates = ALL.stream().filter(site -> site.kind() == kind && site.heldOut() == heldOut).toList();
    return candidates.get(random.nextInt(candidates.size()));
  }
}
