package dev.trendmill.enrich.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The title and body of an article read from a file, for extraction without Kafka: {@code .txt} and {@code .md} (the
 * first non-empty line is the title, Markdown heading marks removed), {@code .html}/{@code .htm} (the {@code <title>}
 * or first {@code <h1>}; the text of headings, paragraphs, list items and code blocks, code kept in backticks so the
 * extractor skips it), and {@code .json} (an article object with {@code title} and {@code body}/{@code text}/
 * {@code content}, or an array of them; JSON lines in {@code .jsonl}). A small reader: ingest has the full HTML
 * cleaner.
 */
public final class ArticleText {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One article's text; {@code part} names it within its file (empty when the file holds one). */
  public record Text(String part, String title, String body) {}

  private ArticleText() {}

  public static List<Text> read(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    String content = Files.readString(file, StandardCharsets.UTF_8);
    if (name.endsWith(".html") || name.endsWith(".htm")) {
      return List.of(html(content));
    }
    if (name.endsWith(".json")) {
      return json(JSON.readTree(content));
    }
    if (name.endsWith(".jsonl")) {
      List<Text> texts = new ArrayList<>();
      int line = 0;
      for (String row : content.split("\n")) {
        line++;
        if (!row.isBlank()) {
          Text text = article(JSON.readTree(row), "line " + line);
          texts.add(text);
        }
      }
      return texts;
    }
    if (name.endsWith(".txt") || name.endsWith(".md") || name.endsWith(".markdown")) {
      return List.of(plain(content));
    }
    throw new IllegalArgumentException(file + ": not a .txt, .md, .html, .json or .jsonl file");
  }

  static Text plain(String content) {
    String[] lines = content.split("\n", -1);
    int i = 0;
    while (i < lines.length && lines[i].isBlank()) {
      i++;
    }
    if (i == lines.length) {
      return new Text("", "", "");
    }
    String title = lines[i].strip().replaceFirst("^#+\\s*", "");
    String body = String.join("\n", java.util.Arrays.copyOfRange(lines, i + 1, lines.length)).strip();
    return new Text("", title, body);
  }

  static Text html(String content) {
    Document doc = Jsoup.parse(content);
    doc.select("script, style, nav, footer, header, aside, noscript").remove();
    for (Element code : doc.select("code, pre")) {
      if (code.parents().stream().noneMatch(p -> p.tagName().equals("pre") || p.tagName().equals("code"))) {
        code.text("`" + code.wholeText().replace('`', '\'') + "`");
      }
    }
    Element h1 = doc.selectFirst("h1");
    String title = !doc.title().isBlank() ? doc.title().strip() : h1 != null ? h1.text().strip() : "";
    List<String> blocks = new ArrayList<>();
    for (Element block : doc.select("h1, h2, h3, h4, h5, h6, p, li, pre, blockquote, td")) {
      if (block.parents().stream().anyMatch(p -> p.tagName().matches("p|li|pre|blockquote|td"))) {
        continue;
      }
      String text = block.text().strip();
      if (!text.isEmpty() && !(block == h1 && text.equals(title))) {
        blocks.add(text);
      }
    }
    if (blocks.isEmpty() && doc.body() != null) {
      blocks.add(doc.body().text());
    }
    return new Text("", title, String.join("\n\n", blocks));
  }

  private static List<Text> json(JsonNode node) {
    if (node.isArray()) {
      List<Text> texts = new ArrayList<>();
      for (int i = 0; i < node.size(); i++) {
        texts.add(article(node.get(i), "#" + i));
      }
      return texts;
    }
    return List.of(article(node, ""));
  }

  private static Text article(JsonNode node, String part) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("not an article object" + (part.isEmpty() ? "" : " at " + part));
    }
    String body = node.path("body").asText(node.path("text").asText(node.path("content").asText("")));
    return new Text(part, node.path("title").asText(""), body);
  }
}
