package dev.trendmill.enrich;

import dev.trendmill.schemas.config.ConfigSources;
import dev.trendmill.schemas.runtime.ServiceLauncher;
import java.nio.file.Path;

/** Runs enrich: {@code java -jar trendmill-enrich.jar [settings.properties]}; environment TRENDMILL_* overrides. */
public final class EnrichMain {
  private EnrichMain() {}

  public static void main(String[] args) throws InterruptedException {
    EnrichConfig config = new EnrichConfig(ConfigSources.load(args.length > 0 ? Path.of(args[0]) : null, System.getenv()));
    config.applyLogFormat();
    ServiceLauncher.runUntilStopped("enrich", new EnrichService(config).start());
  }
}
