package dev.trendmill.schemas.lag;

/**
 * One observation of one partition of one consumer group.
 *
 * @param atMs wall-clock time of the observation
 * @param committedOffset the group's committed offset, -1 when it has none
 * @param endOffset the offset up to which the group could read (the last stable offset for read_committed)
 * @param lagRecords offsets between the committed offset and {@code endOffset}; 0 when only transaction markers or
 *     aborted records remain there
 * @param oldestUnconsumedTimestampMs the Kafka timestamp of the first record the group has not consumed, -1 when
 *     there is none (caught up) or it could not be read
 * @param members members of the group when observed; 0 means nobody consumes
 */
public record LagSample(long atMs, long committedOffset, long endOffset, long lagRecords, long oldestUnconsumedTimestampMs, int members) {

  /** Age of the oldest unconsumed record at the time of the observation; 0 when caught up, -1 when unknown. */
  public long lagMs() {
    if (lagRecords == 0) {
      return 0;
    }
    return oldestUnconsumedTimestampMs < 0 ? -1 : Math.max(0, atMs - oldestUnconsumedTimestampMs);
  }
}
