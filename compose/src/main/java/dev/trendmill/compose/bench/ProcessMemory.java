package dev.trendmill.compose.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of a process from Linux's {@code /proc/<pid>/status}: now (VmRSS) and its peak (VmHWM), in KiB. */
public record ProcessMemory(long rssKb, long peakKb) {
  public static ProcessMemory of(long pid) {
    long rss = -1;
    long peak = -1;
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          rss = Long.parseLong(line.replaceAll("[^0-9]", ""));
        } else if (line.startsWith("VmHWM:")) {
          peak = Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // the process is gone or this is not Linux: unknown
    }
    return new ProcessMemory(rss, peak);
  }

  public long rssMb() {
    return rssKb < 0 ? -1 : rssKb / 1024;
  }

  public long peakMb() {
    return peakKb < 0 ? -1 : peakKb / 1024;
  }
}
