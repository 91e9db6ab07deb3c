package dev.trendmill.compose.embedded;

import dev.trendmill.schemas.runtime.ServiceLauncher;

/** Runs the Apache Kafka broker ({@code kafka.Kafka}) in a child JVM that exits when {@code trendmill up} is gone. */
public final class BrokerMain {
  private BrokerMain() {}

  public static void main(String[] args) {
    ServiceLauncher.exitWhenParentGone("kafka");
    kafka.Kafka.main(args);
  }
}
