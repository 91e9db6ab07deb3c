package dev.trendmill.compose.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trendmill.compose.TrendmillCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code trendmill extract}: the enrich extractor on files, no Kafka; output captured from the command's writers. */
class ExtractCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = TrendmillCommand.newCommandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void jsonLinesPerFileWithTypeCountSalienceAndConfidence() throws Exception {
    Path md = Files.writeString(dir.resolve("argo.md"), "# Argo CD 3.4 released\n\nThe Argo project shipped a release for Kubernetes users. Argo's diff engine is faster.\n");
    Path html = Files.writeString(dir.resolve("page.html"),
        "<html><head><title>Helm at KubeCon</title></head><body><p>Teams deploy with Helm on Kubernetes.</p>"
            + "<pre>helm install Datadog</pre></body></html>");
    assertThat(run("extract", "--json", md.toString(), html.toString())).isZero();

    List<JsonNode> lines = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : out.toString().split("\n")) {
      lines.add(json.readTree(line));
    }
    assertThat(lines).extracting(l -> l.path("file").asText()).containsExactly(md.toString(), html.toString());

    JsonNode argo = entity(lines.get(0), "project:argo");
    assertThat(argo.path("name").asText()).isEqualTo("Argo");
    assertThat(argo.path("type").asText()).isEqualTo("project");
    assertThat(argo.path("count").asInt()).isEqualTo(3);
    assertThat(argo.path("confidence").asDouble()).isEqualTo(1.0);
    assertThat(argo.path("salience").asDouble()).isGreaterThan(entity(lines.get(0), "project:kubernetes").path("salience").asDouble());

    List<String> pageIds = new ArrayList<>();
    lines.get(1).path("entities").forEach(e -> pageIds.add(e.path("id").asText()));
    assertThat(pageIds).contains("project:helm", "project:kubernetes", "event:kubecon-cloudnativecon").doesNotContain("organization:datadog");
  }

  @Test
  void tableByDefaultAndExitCodeTwoForAFileItCannotRead() throws Exception {
    Path txt = Files.writeString(dir.resolve("note.txt"), "Dapr news\nDapr runs on Kubernetes.\n");
    assertThat(run("extract", txt.toString(), dir.resolve("missing.txt").toString())).isEqualTo(2);
    assertThat(out.toString()).contains(txt + ": 2 entities").contains("project:dapr").contains("project:kubernetes");
    assertThat(err.toString()).contains("missing.txt");
  }

  private static JsonNode entity(JsonNode line, String id) {
    for (JsonNode e : line.path("entities")) {
      if (e.path("id").asText().equals(id)) {
        return e;
      }
    }
    throw new AssertionError(id + " not in " + line);
  }
}
