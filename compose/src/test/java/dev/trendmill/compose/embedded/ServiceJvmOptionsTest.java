package dev.trendmill.compose.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The services' JVM options: the defaults unless the environment replaces them, always naming the service. */
class ServiceJvmOptionsTest {
  @Test
  void withoutTheVariableTheDefaultsAndTheServiceName() {
    assertThat(LocalStack.serviceJvmOptions("aggregate", null))
        .containsExactly("-Xms256m", "-Xmx512m", "-XX:+UseSerialGC", "-Dtrendmill.service=aggregate");
    assertThat(LocalStack.serviceJvmOptions("ingest", "  ")).startsWith("-Xms256m");
  }

  @Test
  void theVariableReplacesTheDefaults() {
    assertThat(LocalStack.serviceJvmOptions("enrich", " -Xmx1g   -XX:+UseParallelGC "))
        .containsExactly("-Xmx1g", "-XX:+UseParallelGC", "-Dtrendmill.service=enrich");
  }
}
