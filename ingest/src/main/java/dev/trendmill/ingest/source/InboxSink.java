package dev.trendmill.ingest.source;

import java.util.List;

/** Where the ingest's own sources (HTTP, feeds) hand records over: the inbox topic in the service, a list in tests. */
@FunctionalInterface
public interface InboxSink {
  /** Sends the records (inbox JSON, UTF-8) and returns once they are all acknowledged; throws if any is not. */
  void send(List<byte[]> records) throws Exception;
}
