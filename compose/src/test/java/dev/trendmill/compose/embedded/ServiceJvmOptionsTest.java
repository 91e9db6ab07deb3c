package dev.trendmill.compose.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The services' JVM options: the defaults unless the environment replaces them, always naming the service. */
class ServiceJvmOptionsTest {
  @Test
  void withoutTheVariableTheDefaultsAndTheServiceName() {
    assertThat(LocalStack.serviceJvmOptions("aggregate", null))
        .containsExactly("-Xms224m", "-Xmx224m", "-XX:+UseSerialGC", "-XX:MetaspaceSize=64m", "-Dtrendmill.service=aggregate");
    assertThat(LocalStack.serviceJvmOptions("ingest", "  ")).startsWith("-Xms256m", "-Xmx352m");
    assertThat(LocalStack.serviceJvmOptions("enrich", null)).startsWith("-Xms96m", "-Xmx96m");
    assertThat(LocalStack.serviceJvmOptions("another", null)).as("a service without its own default").startsWith("-Xms256m", "-Xmx512m");
  }

  @Test
  void theVariableReplacesTheDefaults() {
    assertThat(LocalStack.serviceJvmOptions("enrich", " -Xmx1g   -XX:+UseParallelGC "))
        .containsExactly("-Xmx1g", "-XX:+UseParallelGC", "-Dtrendmill.service=enrich");
  }
}
