package dev.trendmill.compose.embedded;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Polls a condition until it holds or the deadline passes: how we wait for servers, never with fixed sleeps. */
public final class Deadline {
  private Deadline() {}

  public static boolean await(Duration timeout, Duration interval, BooleanSupplier condition) throws InterruptedException {
    Instant end = Instant.now().plus(timeout);
    while (true) {
      if (condition.getAsBoolean()) {
        return true;
      }
      if (Instant.now().isAfter(end)) {
        return false;
      }
      Thread.sleep(interval.toMillis());
    }
  }
}
