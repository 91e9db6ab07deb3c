package dev.trendmill.compose.cmd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trendmill.compose.TrendmillCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenerateCommandTest {
  @TempDir Path dir;

  @Test
  void writesArticlesAndTheirGroundTruthTheSameForTheSameSeed() throws Exception {
    Path first = dir.resolve("a.jsonl");
    Path second = dir.resolve("b.jsonl");
    StringWriter out = new StringWriter();
    CommandLine cli = TrendmillCommand.newCommandLine();
    cli.setOut(new PrintWriter(out));
    assertThat(cli.execute("generate", "--articles", "120", "--seed", "4", "--span", "36h", "--out", first.toString())).isZero();
    assertThat(TrendmillCommand.newCommandLine().execute("generate", "--articles", "120", "--seed", "4", "--span", "36h", "--out", second.toString())).isZero();

    List<String> lines = Files.readAllLines(first);
    assertThat(lines).hasSize(120);
    assertThat(Files.readAllLines(second)).isEqualTo(lines);
    assertThat(out.toString()).contains("120 articles").contains("a.expected.json");

    ObjectMapper json = new ObjectMapper();
    JsonNode article = json.readTree(lines.get(0));
    assertThat(article.path("id").asText()).isEqualTo("gen-4-0");
    assertThat(article.path("body").asText()).hasSizeGreaterThan(1500);

    JsonNode truth = json.readTree(dir.resolve("a.expected.json").toFile());
    assertThat(truth.path("articles").asLong()).isEqualTo(120);
    long sum = 0;
    for (JsonNode entity : truth.path("entities")) {
      sum += entity.path("all").asLong();
    }
    assertThat(sum).isEqualTo(truth.path("mentions").asLong());
    assertThat(truth.path("top").path("24h").size()).isPositive();
    assertThat(truth.path("buckets").path("1h/5m").size()).isPositive();
  }

  @Test
  void needsATarget() {
    StringWriter err = new StringWriter();
    CommandLine cli = TrendmillCommand.newCommandLine();
    cli.setErr(new PrintWriter(err));
    assertThat(cli.execute("generate", "--articles", "5")).isEqualTo(2);
    assertThat(err.toString()).contains("--out").contains("--to-topic");
  }
}
