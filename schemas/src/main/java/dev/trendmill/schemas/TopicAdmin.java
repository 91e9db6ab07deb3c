package dev.trendmill.schemas;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Creates the pipeline's topics when they are missing (existing topics are left as they are), and reads their sizes. */
public final class TopicAdmin {
  private TopicAdmin() {}

  /** Creates every missing pipeline topic; returns the names it created. */
  public static List<String> ensureTopics(Admin admin, TopicNames names, int partitions, short replication)
      throws InterruptedException {
    try {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> missing =
          names.all().stream()
              .filter(name -> !existing.contains(name))
              .map(name -> newTopic(names, name, partitions, replication))
              .toList();
      try {
        admin.createTopics(missing).all().get();
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
      return missing.stream().map(NewTopic::name).toList();
    } catch (ExecutionException e) {
      throw new IllegalStateException("Cannot create the pipeline topics: " + e.getCause().getMessage(), e.getCause());
    }
  }

  /**
   * The partition count of {@code topic}, for an application that sizes its own work by it; fails when the topic
   * does not exist or the cluster does not answer within {@code timeout}.
   */
  public static int partitionsOf(Admin admin, String topic, Duration timeout) throws InterruptedException {
    try {
      return admin
          .describeTopics(List.of(topic), new DescribeTopicsOptions().timeoutMs((int) timeout.toMillis()))
          .allTopicNames()
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
          .get(topic)
          .partitions()
          .size();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        throw new IllegalStateException(
            "Topic " + topic + " does not exist: create the pipeline's topics first (trendmill up does for its own broker, docker-compose's topics job for a cluster)", e.getCause());
      }
      throw new IllegalStateException("Cannot describe topic " + topic + ": " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("Cannot describe topic " + topic + ": no answer from the cluster in " + timeout, e);
    }
  }

  private static NewTopic newTopic(TopicNames names, String name, int partitions, short replication) {
    Map<String, String> config = new HashMap<>();
    if (names.compacted().contains(name)) {
      config.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
    }
    if (name.equals(names.trends()) || name.equals(names.trendsTop())) {
      // Their records carry event time (publication dates, possibly years old): retention must go by append time.
      config.put(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime");
    }
    if (name.equals(names.deadLetters())) {
      // Dead letters are kept until someone looks at them: 30 days.
      config.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(30L * 24 * 3600 * 1000));
    }
    return new NewTopic(name, partitions, replication).configs(config);
  }
}
