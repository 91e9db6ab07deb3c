package dev.trendmill.schemas.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogFormatTest {
  @Test
  void jsonMakesEveryConsoleLineOneJsonObject() throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      LogFormat.apply("json");
      LoggerFactory.getLogger("trendmill.test").info("lag: {} is {}", "trendmill-enrich", "stalled");
    } finally {
      System.setOut(original);
      context.reset();
      new ContextInitializer(context).autoConfig();
    }
    String line = captured.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("trendmill.test")).findFirst().orElseThrow();
    JsonNode event = new ObjectMapper().readTree(line);
    assertThat(event.path("level").asText()).isEqualTo("INFO");
    assertThat(event.path("loggerName").asText()).isEqualTo("trendmill.test");
    assertThat(event.path("formattedMessage").asText()).isEqualTo("lag: trendmill-enrich is stalled");
  }

  @Test
  void textLeavesTheConfiguredPattern() {
    LogFormat.apply("text");
    LogFormat.apply(null);
  }
}
