package dev.trendmill.compose.it;

import dev.trendmill.compose.embedded.LocalStack;
import dev.trendmill.compose.embedded.StackSettings;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One local stack (real KRaft broker, real Apicurio Registry, the three services as child processes) shared by every
 * integration test of the JVM, on free ports and a fresh data directory; stopped when the test run ends, and its data
 * directory deleted then (kept with {@code -Dtrendmill.it.keep-data=true}, for its logs). Tests that
 * use it measure what they cause against a snapshot, so their order does not matter.
 */
public final class EmbeddedStackExtension implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LocalStack.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(ExtensionContext.Namespace.create(EmbeddedStackExtension.class))
        .getOrComputeIfAbsent("stack", key -> start(), RunningStack.class)
        .stack();
  }

  private static RunningStack start() {
    try {
      Path dataDir = Files.createTempDirectory("trendmill-it-");
      LocalStack stack = new LocalStack(StackSettings.randomPorts(dataDir), new PrintStream(System.out, true)).start();
      return new RunningStack(stack, dataDir);
    } catch (Exception e) {
      throw new IllegalStateException("The embedded stack did not start: " + e.getMessage(), e);
    }
  }

  /** Closed by JUnit at the end of the run. */
  private record RunningStack(LocalStack stack, Path dataDir) implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() throws Exception {
      stack.close();
      if (!Boolean.getBoolean("trendmill.it.keep-data")) {
        Utils.delete(dataDir.toFile());
      }
    }
  }
}
