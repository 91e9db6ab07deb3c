package dev.trendmill.compose.cmd;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trendmill.compose.catalog.CatalogClient;
import dev.trendmill.compose.embedded.StackException;
import dev.trendmill.enrich.extract.CatalogEntry;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code trendmill catalog add|remove|list}: changes the entity catalog (the compacted {@code entities.catalog}
 * topic) of a running pipeline; enrich applies a change to the next articles, without a restart.
 */
@Command(
    name = "catalog",
    mixinStandardHelpOptions = true,
    description = "Add, remove or list the entities the pipeline knows (the entities.catalog topic).",
    subcommands = {CatalogCommand.Add.class, CatalogCommand.Remove.class, CatalogCommand.ListEntities.class})
public final class CatalogCommand {
  private static final Pattern ID = Pattern.compile("[a-z]+:[a-z0-9][a-z0-9-]*");
  static final List<String> TYPES = List.of("project", "product", "organization", "person", "topic", "technology", "location", "event");

  /** Where the catalog topic is: shared by the subcommands. */
  public static final class Connection {
    @Mixin KafkaOptions kafka;

    @Option(names = "--registry-url", paramLabel = "URL", defaultValue = "http://127.0.0.1:8081/apis/ccompat/v7", description = "Confluent-compatible schema registry (default: ${DEFAULT-VALUE}).")
    String registryUrl;

    CatalogClient client() {
      return new CatalogClient(kafka.bootstrapServer, registryUrl, kafka.topicPrefix);
    }
  }

  @Command(name = "add", mixinStandardHelpOptions = true, description = "Add an entity, or replace the one with the same id.")
  static final class Add implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ID", description = "<type>:<slug>, e.g. project:zorblat-mesh.")
    String id;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Canonical name, matched case-sensitively.")
    String name;

    @Option(names = "--type", paramLabel = "TYPE", description = "project, product, organization, person, topic, technology, location or event (default: the id's prefix).")
    String type;

    @Option(names = "--alias", paramLabel = "ALIAS", description = "Another name it goes by (repeatable).")
    List<String> aliases = new ArrayList<>();

    @Option(names = "--attribute", paramLabel = "KEY=VALUE", description = "An attribute, e.g. category=Runtime or ambiguous=true (repeatable).")
    Map<String, String> attributes = new LinkedHashMap<>();

    @Mixin Connection connection;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      if (!ID.matcher(id).matches()) {
        throw new IllegalArgumentException("the id must look like <type>:<slug> (lower case, digits and '-'), not " + id);
      }
      String entityType = type != null ? type.toLowerCase(Locale.ROOT) : id.substring(0, id.indexOf(':'));
      if (!TYPES.contains(entityType)) {
        throw new IllegalArgumentException("unknown type " + entityType + "; one of " + String.join(", ", TYPES));
      }
      CatalogClient client = connection.client();
      try {
        client.put(new CatalogEntry(id, name.strip(), entityType, aliases, attributes));
      } catch (Exception e) {
        throw unreachable(client, connection, e);
      }
      PrintWriter out = spec.commandLine().getOut();
      out.printf("Added %s (%s, %s) to %s.%n", id, name, entityType, client.topicName());
      out.flush();
      return 0;
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove an entity by id.")
  static final class Remove implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ID", description = "The entity's id.")
    String id;

    @Mixin Connection connection;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      CatalogClient client = connection.client();
      try {
        client.remove(id);
      } catch (Exception e) {
        throw unreachable(client, connection, e);
      }
      PrintWriter out = spec.commandLine().getOut();
      out.printf("Removed %s from %s.%n", id, client.topicName());
      out.flush();
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the entities (one per line, or JSON lines with --json).")
  static final class ListEntities implements Callable<Integer> {
    @Option(names = "--type", paramLabel = "TYPE", description = "Only entities of this type.")
    String type;

    @Option(names = "--json", description = "One JSON object per entity: id, name, type, aliases, attributes.")
    boolean json;

    @Mixin Connection connection;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      CatalogClient client = connection.client();
      List<CatalogEntry> entries;
      try {
        entries = client.list();
      } catch (Exception e) {
        throw unreachable(client, connection, e);
      }
      PrintWriter out = spec.commandLine().getOut();
      ObjectMapper mapper = new ObjectMapper();
      for (CatalogEntry entry : entries) {
        if (type != null && !entry.type().equals(type)) {
          continue;
        }
        if (json) {
          ObjectNode node = mapper.createObjectNode().put("id", entry.id()).put("name", entry.name()).put("type", entry.type());
          entry.aliases().forEach(node.putArray("aliases")::add);
          ObjectNode attributes = node.putObject("attributes");
          entry.attributes().forEach(attributes::put);
          out.println(node);
        } else {
          out.printf("%-48s %-13s %s%s%n", entry.id(), entry.type(), entry.name(),
              entry.aliases().isEmpty() ? "" : "  (" + String.join(", ", entry.aliases()) + ")");
        }
      }
      out.flush();
      return 0;
    }
  }

  private static StackException unreachable(CatalogClient client, Connection connection, Exception e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return new StackException("Cannot reach " + client.topicName() + " at " + connection.kafka.bootstrapServer
        + " (is `trendmill up` running?): " + (root.getMessage() == null ? root : root.getMessage()));
  }
}
