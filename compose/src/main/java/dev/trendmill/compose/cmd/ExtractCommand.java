package dev.trendmill.compose.cmd;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trendmill.enrich.catalog.BundledCatalog;
import dev.trendmill.enrich.extract.EntityExtractor;
import dev.trendmill.enrich.extract.ExtractedEntity;
import dev.trendmill.enrich.text.ArticleText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code trendmill extract FILE...}: runs enrich's extractor on files, without Kafka, and prints per file the entities
 * with type, mention count, salience and confidence (JSON lines with {@code --json}).
 */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description = {
      "Find the entities in .txt, .md, .html, .json or .jsonl files with the same extractor enrich uses, without Kafka.",
      "Exit code 2 when a file could not be read (the others are still printed)."
    })
public final class ExtractCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Article files.")
  List<Path> files;

  @Option(names = "--json", description = "One JSON object per file: {\"file\", \"entities\": [{\"id\", \"name\", \"type\", \"count\", \"salience\", \"confidence\"}]}.")
  boolean json;

  @Option(names = "--catalog", paramLabel = "FILE", description = "A JSON-lines catalog to use instead of the bundled one.")
  Path catalog;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    EntityExtractor extractor = new EntityExtractor(catalog == null ? BundledCatalog.load() : BundledCatalog.load(catalog));
    ObjectMapper mapper = new ObjectMapper();
    int failed = 0;
    for (Path file : files) {
      List<ArticleText.Text> texts;
      try {
        if (!Files.isRegularFile(file)) {
          throw new IOException("no such file");
        }
        texts = ArticleText.read(file);
      } catch (IOException | RuntimeException e) {
        err.printf("trendmill: %s: %s%n", file, e.getMessage());
        failed++;
        continue;
      }
      for (ArticleText.Text text : texts) {
        String name = text.part().isEmpty() ? file.toString() : file + " " + text.part();
        List<ExtractedEntity> entities = extractor.extract(text.title(), text.body());
        if (json) {
          ObjectNode line = mapper.createObjectNode().put("file", name);
          ArrayNode array = line.putArray("entities");
          for (ExtractedEntity e : entities) {
            array.addObject().put("id", e.id()).put("name", e.name()).put("type", e.type()).put("count", e.mentions())
                .put("salience", e.salience()).put("confidence", e.confidence());
          }
          out.println(line);
        } else {
          out.printf("%s: %d entit%s%n", name, entities.size(), entities.size() == 1 ? "y" : "ies");
          for (ExtractedEntity e : entities) {
            out.printf(Locale.ROOT, "  %-44s %-13s %5d %9.3f %11.2f  %s%n", e.id(), e.type(), e.mentions(), e.salience(), e.confidence(), e.name());
          }
        }
      }
    }
    out.flush();
    err.flush();
    return failed == 0 ? 0 : 2;
  }
}
