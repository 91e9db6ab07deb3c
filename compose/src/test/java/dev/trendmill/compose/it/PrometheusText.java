package dev.trendmill.compose.it;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of Prometheus' text exposition format (0.0.4), for tests: every line must be a comment, a
 * {@code # HELP}/{@code # TYPE} line, or a sample {@code name{label="value",...} value [timestamp]}; anything else fails.
 * Written here because the Prometheus Java client has writers of the format but no reader.
 */
final class PrometheusText {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern SAMPLE =
      Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})?\\s+(\\S+)(\\s+-?\\d+)?");
  private static final Pattern LABEL = Pattern.compile("\\s*([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"\\s*(,|$)");
  private static final List<String> TYPES = List.of("counter", "gauge", "histogram", "summary", "untyped");

  record Sample(String name, Map<String, String> labels, double value) {}

  final Map<String, String> types = new LinkedHashMap<>();
  final List<Sample> samples = new ArrayList<>();

  static PrometheusText parse(String text) {
    PrometheusText parsed = new PrometheusText();
    int lineNo = 0;
    for (String line : text.split("\n")) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      if (line.startsWith("#")) {
        String[] parts = line.split("\\s+", 4);
        if (parts.length >= 2 && parts[1].equals("TYPE")) {
          require(parts.length == 4 && NAME.matcher(parts[2]).matches() && TYPES.contains(parts[3].strip()), lineNo, line);
          require(parsed.types.put(parts[2], parts[3].strip()) == null, lineNo, "second TYPE for " + parts[2]);
        } else if (parts.length >= 2 && parts[1].equals("HELP")) {
          require(parts.length >= 3 && NAME.matcher(parts[2]).matches(), lineNo, line);
        }
        continue;
      }
      Matcher sample = SAMPLE.matcher(line);
      require(sample.matches(), lineNo, line);
      Map<String, String> labels = new LinkedHashMap<>();
      if (sample.group(3) != null && !sample.group(3).isEmpty()) {
        Matcher label = LABEL.matcher(sample.group(3));
        int end = 0;
        while (label.find() && label.start() == end) {
          labels.put(label.group(1), label.group(2));
          end = label.end();
        }
        require(end == sample.group(3).length(), lineNo, "bad labels: " + line);
      }
      String value = sample.group(4);
      double number;
      switch (value) {
        case "NaN" -> number = Double.NaN;
        case "+Inf" -> number = Double.POSITIVE_INFINITY;
        case "-Inf" -> number = Double.NEGATIVE_INFINITY;
        default -> {
          try {
            number = Double.parseDouble(value);
          } catch (NumberFormatException e) {
            throw new AssertionError("line " + lineNo + ": bad value: " + line);
          }
        }
      }
      parsed.samples.add(new Sample(sample.group(1), labels, number));
    }
    return parsed;
  }

  private static void require(boolean ok, int lineNo, String line) {
    if (!ok) {
      throw new AssertionError("not Prometheus text at line " + lineNo + ": " + line);
    }
  }

  /** Every metric family name, with the suffixes of histograms and counters as they appear on samples. */
  java.util.Set<String> names() {
    java.util.Set<String> names = new java.util.TreeSet<>();
    samples.forEach(s -> names.add(s.name()));
    return names;
  }

  List<Sample> samples(String name) {
    return samples.stream().filter(s -> s.name().equals(name)).toList();
  }

  double sum(String name) {
    return samples(name).stream().mapToDouble(Sample::value).filter(Double::isFinite).sum();
  }
}
