package dev.trendmill.ingest.source;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls RSS and Atom feeds and hands each new entry to the inbox as article JSON. Fetches are conditional (the
 * feed's last ETag and Last-Modified are sent back; a 304 costs nothing), entries already handed over are remembered
 * per feed (by id/guid, else link, else title) so a later poll does not send them again; after a restart the ids
 * derived from their links let ingest's exact de-duplication drop them. Parsing is Rome's (RSS 0.9x–2.0, Atom 0.3/1.0).
 * Entries are remembered only once the sink has acknowledged them, so a failed send is retried on the next poll.
 */
public final class FeedPoller {
  private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Entries remembered per feed: far more than any feed lists at once. */
  private static final int SEEN_PER_FEED = 10_000;

  private final List<URI> feeds;
  private final HttpClient http;
  private final InboxSink sink;
  private final Map<URI, State> states = new LinkedHashMap<>();

  /** What one poll of one feed did. */
  public record Poll(URI feed, int status, int entries, int sent) {}

  private static final class State {
    String etag;
    String lastModified;
    final SequencedSet<String> seen = new LinkedHashSet<>();
  }

  public FeedPoller(List<URI> feeds, HttpClient http, InboxSink sink) {
    this.feeds = List.copyOf(feeds);
    this.http = http;
    this.sink = sink;
    feeds.forEach(feed -> states.put(feed, new State()));
  }

  /** Polls every feed once; a feed that fails is logged and tried again next time. */
  public synchronized List<Poll> pollAll() {
    List<Poll> polls = new ArrayList<>();
    for (URI feed : feeds) {
      try {
        polls.add(poll(feed));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return polls;
      } catch (Exception e) {
        LOG.warn("feed {}: {}", feed, e.toString());
        polls.add(new Poll(feed, -1, 0, 0));
      }
    }
    return polls;
  }

  /** One conditional fetch of one feed; new entries are sent before this returns. */
  public synchronized Poll poll(URI feed) throws Exception {
    State state = states.computeIfAbsent(feed, key -> new State());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(feed).timeout(Duration.ofSeconds(30)).header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.8");
    if (state.etag != null) {
      request.header("If-None-Match", state.etag);
    }
    if (state.lastModified != null) {
      request.header("If-Modified-Since", state.lastModified);
    }
    HttpResponse<byte[]> response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() == 304) {
      return new Poll(feed, 304, 0, 0);
    }
    if (response.statusCode() != 200) {
      throw new IOException("HTTP " + response.statusCode());
    }
    SyndFeed parsed = parse(response.body());
    List<String> keys = new ArrayList<>();
    List<byte[]> records = new ArrayList<>();
    for (SyndEntry entry : parsed.getEntries()) {
      String key = key(entry);
      if (key == null || state.seen.contains(key) || keys.contains(key)) {
        continue;
      }
      keys.add(key);
      records.add(toJson(entry, parsed.getTitle()));
    }
    if (!records.isEmpty()) {
      sink.send(records);
    }
    keys.forEach(state.seen::add);
    while (state.seen.size() > SEEN_PER_FEED) {
      state.seen.removeFirst();
    }
    state.etag = response.headers().firstValue("ETag").orElse(null);
    state.lastModified = response.headers().firstValue("Last-Modified").orElse(null);
    LOG.info("feed {}: {} entries, {} new", feed, parsed.getEntries().size(), records.size());
    return new Poll(feed, 200, parsed.getEntries().size(), records.size());
  }

  private static SyndFeed parse(byte[] body) throws IOException, FeedException {
    try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body))) {
      SyndFeedInput input = new SyndFeedInput();
      input.setXmlHealerOn(true);
      return input.build(reader);
    }
  }

  private static String key(SyndEntry entry) {
    for (String candidate : new String[] {entry.getUri(), entry.getLink(), entry.getTitle()}) {
      if (candidate != null && !candidate.isBlank()) {
        return candidate.strip();
      }
    }
    return null;
  }

  /** An entry as inbox JSON: the full content if the feed has it, else the summary; HTML is cleaned by ingest. */
  static byte[] toJson(SyndEntry entry, String feedTitle) throws IOException {
    ObjectNode node = JSON.createObjectNode();
    put(node, "title", entry.getTitle());
    String body = null;
    for (SyndContent content : entry.getContents()) {
      if (content.getValue() != null && !content.getValue().isBlank()) {
        body = content.getValue();
        break;
      }
    }
    if (body == null && entry.getDescription() != null) {
      body = entry.getDescription().getValue();
    }
    put(node, "body", body);
    put(node, "url", entry.getLink());
    Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
    if (date != null) {
      node.put("published_at", date.toInstant().toString());
    }
    put(node, "author", entry.getAuthor());
    put(node, "source", feedTitle);
    if (!entry.getCategories().isEmpty()) {
      ArrayNode tags = node.putArray("tags");
      for (SyndCategory category : entry.getCategories()) {
        if (category.getName() != null && !category.getName().isBlank()) {
          tags.add(category.getName().strip());
        }
      }
    }
    return JSON.writeValueAsBytes(node);
  }

  private static void put(ObjectNode node, String field, String value) {
    if (value != null && !value.isBlank()) {
      node.put(field, value);
    }
  }
}
