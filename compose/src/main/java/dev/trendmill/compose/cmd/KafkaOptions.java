package dev.trendmill.compose.cmd;

import dev.trendmill.schemas.TopicNames;
import picocli.CommandLine.Option;

/** Options of the commands that talk to the pipeline's Kafka directly: where it is and how its topics are named. */
public final class KafkaOptions {
  @Option(names = "--bootstrap-server", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:9092", description = "Kafka (default: ${DEFAULT-VALUE}).")
  String bootstrapServer;

  @Option(names = "--topic-prefix", paramLabel = "PREFIX", defaultValue = "", description = "Prefix of the pipeline's topic names.")
  String topicPrefix;

  TopicNames topics() {
    return new TopicNames(topicPrefix);
  }
}
