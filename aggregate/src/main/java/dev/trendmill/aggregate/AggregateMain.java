package dev.trendmill.aggregate;

import dev.trendmill.schemas.config.ConfigSources;
import dev.trendmill.schemas.runtime.ServiceLauncher;
import java.nio.file.Path;

/** Runs aggregate and its view: {@code java -jar trendmill-aggregate.jar [settings.properties]}. */
public final class AggregateMain {
  private AggregateMain() {}

  public static void main(String[] args) throws InterruptedException {
    AggregateConfig config =
        new AggregateConfig(ConfigSources.load(args.length > 0 ? Path.of(args[0]) : null, System.getenv()));
    config.applyLogFormat();
    ServiceLauncher.runUntilStopped("aggregate", new AggregateService(config).start());
  }
}
