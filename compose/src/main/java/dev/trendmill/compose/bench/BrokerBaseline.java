package dev.trendmill.compose.bench;

import dev.trendmill.compose.embedded.ChildProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The raw broker on this machine: Kafka's own {@code ProducerPerformance} tool (from {@code kafka-tools}), in a JVM
 * of its own, sending records taken from a payload file of real generated articles (so the sizes are ours) to one
 * topic, with the producer settings our drops use.
 */
public final class BrokerBaseline {
  private static final Pattern SUMMARY = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\)");

  /** What the tool measured. */
  public record Result(long records, double recordsPerSecond, double megabytesPerSecond, String summary) {}

  private BrokerBaseline() {}

  public static Result run(String bootstrapServers, String topic, Path payloads, long records, Path log) throws IOException, InterruptedException {
    ChildProcess tool =
        ChildProcess.startJava(
            "producer-performance",
            List.of("-Xmx512m"),
            "org.apache.kafka.tools.ProducerPerformance",
            List.of(
                "--topic", topic,
                "--num-records", Long.toString(records),
                "--payload-file", payloads.toString(),
                "--throughput", "-1",
                "--producer-props",
                "bootstrap.servers=" + bootstrapServers,
                "acks=all",
                "enable.idempotence=true",
                "linger.ms=5",
                "batch.size=131072",
                "max.request.size=4194304"),
            Map.of(),
            log);
    ProcessHandle handle = ProcessHandle.of(tool.pid()).orElseThrow();
    try {
      handle.onExit().get(15, TimeUnit.MINUTES);
    } catch (Exception e) {
      tool.kill();
      throw new IOException("ProducerPerformance did not finish: " + e.getMessage(), e);
    }
    String output = Files.readString(log);
    java.util.regex.MatchResult last = null;
    Matcher m = SUMMARY.matcher(output);
    while (m.find()) {
      last = m.toMatchResult();
    }
    if (last == null) {
      throw new IOException("ProducerPerformance printed no summary; its output ends:\n" + tool.tail(20));
    }
    String line = output.substring(output.lastIndexOf('\n', last.start()) + 1, output.indexOf('\n', last.end()) < 0 ? output.length() : output.indexOf('\n', last.end()));
    return new Result(Long.parseLong(last.group(1)), Double.parseDouble(last.group(2)), Double.parseDouble(last.group(3)), line.strip());
  }
}
