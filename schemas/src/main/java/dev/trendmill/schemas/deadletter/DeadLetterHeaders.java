package dev.trendmill.schemas.deadletter;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** Header names on {@code articles.dlq} records; values are UTF-8 strings. */
public final class DeadLetterHeaders {
  /** Which service rejected the record: ingest, enrich or aggregate. */
  public static final String STAGE = "trendmill.dlq.stage";
  /** Short code of the reason, e.g. not-json, missing-title, body-too-large. */
  public static final String REASON = "trendmill.dlq.reason";
  /** Human-readable reason. */
  public static final String MESSAGE = "trendmill.dlq.message";
  /** Class of the exception behind the rejection. */
  public static final String ERROR_CLASS = "trendmill.dlq.error.class";
  public static final String SOURCE_TOPIC = "trendmill.dlq.source.topic";
  public static final String SOURCE_PARTITION = "trendmill.dlq.source.partition";
  public static final String SOURCE_OFFSET = "trendmill.dlq.source.offset";
  /** When the record was rejected, ISO-8601. */
  public static final String TIME = "trendmill.dlq.time";

  private DeadLetterHeaders() {}

  /** The value of a header as a string, or null. */
  public static String get(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
