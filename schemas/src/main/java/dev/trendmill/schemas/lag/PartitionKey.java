package dev.trendmill.schemas.lag;

/** One partition of one topic as consumed by one group. */
public record PartitionKey(String group, String topic, int partition) implements Comparable<PartitionKey> {
  @Override
  public int compareTo(PartitionKey other) {
    int byGroup = group.compareTo(other.group);
    if (byGroup != 0) {
      return byGroup;
    }
    int byTopic = topic.compareTo(other.topic);
    return byTopic != 0 ? byTopic : Integer.compare(partition, other.partition);
  }
}
