package dev.trendmill.ingest.source.pagedumps;

import java.util.List;

/**
 * One page file made from a corpus post: its name ({@code .html} or {@code .txt}), its text, and what reading it must
 * give back or leave out: the furniture lines the site put around the post, the byline and date lines, and the
 * post's own lines.
 */
public record PageDump(
    String fileName,
    SiteTemplate site,
    CorpusPost post,
    DateStyle dateStyle,
    String content,
    List<String> furniture,
    List<String> metaLines,
    List<String> bodyLines) {
  public boolean isHtml() {
    return fileName.endsWith(".html");
  }
}
