package dev.trendmill.ingest;

import dev.trendmill.schemas.config.ConfigSources;
import dev.trendmill.schemas.runtime.ServiceLauncher;
import java.nio.file.Path;

/** Runs ingest: {@code java -jar trendmill-ingest.jar [settings.properties]}; environment TRENDMILL_* overrides. */
public final class IngestMain {
  private IngestMain() {}

  public static void main(String[] args) throws InterruptedException {
    IngestConfig config = new IngestConfig(ConfigSources.load(args.length > 0 ? Path.of(args[0]) : null, System.getenv()));
    config.applyLogFormat();
    ServiceLauncher.runUntilStopped("ingest", new IngestService(config).start());
  }
}
