package dev.trendmill.schemas.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where settings come from: a properties file, then TRENDMILL_* environment variables, which win, so a container
 * can override one key of a mounted file. The environment is passed in as a map, so no test touches the real one.
 */
final class ConfigSourcesTest {
  @TempDir Path dir;

  private Path file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  @Test
  void environmentVariablesBecomeDottedLowerCaseKeys() {
    Map<String, String> settings =
        ConfigSources.fromEnvironment(
            Map.of(
                "TRENDMILL_BOOTSTRAP_SERVERS", "broker:9093",
                "TRENDMILL_SECURITY_PROTOCOL", "SASL_SSL",
                "TRENDMILL_INGEST_MAX_BODY_BYTES", "2048"));

    assertThat(settings)
        .containsOnly(
            Map.entry("bootstrap.servers", "broker:9093"),
            Map.entry("security.protocol", "SASL_SSL"),
            Map.entry("ingest.max.body.bytes", "2048"));
  }

  @Test
  void otherVariablesAndTheConfigFileVariableAreNotSettings() {
    Map<String, String> settings =
        ConfigSources.fromEnvironment(
            Map.of(
                "PATH", "/usr/bin",
                "HOME", "/root",
                "TRENDMILL_", "empty name",
                "trendmill_bootstrap_servers", "lower-case prefix",
                ConfigSources.CONFIG_FILE_ENV, "/etc/trendmill.properties"));

    assertThat(settings).isEmpty();
  }

  @Test
  void theEnvironmentWinsOverTheFile() throws IOException {
    Path file =
        file(
            "trendmill.properties",
            """
            # a comment
            bootstrap.servers=file-broker:9092
            schema.registry.url=http://registry:8081
            sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="p";
            """);

    Map<String, String> settings =
        ConfigSources.load(file, Map.of("TRENDMILL_BOOTSTRAP_SERVERS", "env-broker:9092", "TRENDMILL_SECURITY_PROTOCOL", "SASL_SSL"));

    assertThat(settings)
        .containsOnly(
            Map.entry("bootstrap.servers", "env-broker:9092"),
            Map.entry("schema.registry.url", "http://registry:8081"),
            Map.entry(
                "sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"p\";"),
            Map.entry("security.protocol", "SASL_SSL"));
  }

  @Test
  void theFileCanBeNamedByTheEnvironment() throws IOException {
    Path file = file("from-env.properties", "topic.prefix=staging.\nbootstrap.servers=file-broker:9092\n");

    Map<String, String> settings =
        ConfigSources.load(null, Map.of(ConfigSources.CONFIG_FILE_ENV, file.toString(), "TRENDMILL_TOPIC_PREFIX", "prod."));

    assertThat(settings)
        .containsOnly(Map.entry("topic.prefix", "prod."), Map.entry("bootstrap.servers", "file-broker:9092"));
  }

  @Test
  void anExplicitFileWinsOverTheOneTheEnvironmentNames() throws IOException {
    Path explicit = file("explicit.properties", "bootstrap.servers=explicit:9092\n");
    Path named = file("named.properties", "bootstrap.servers=named:9092\nstate.dir=/named\n");

    Map<String, String> settings = ConfigSources.load(explicit, Map.of(ConfigSources.CONFIG_FILE_ENV, named.toString()));

    assertThat(settings).containsOnly(Map.entry("bootstrap.servers", "explicit:9092"));
  }

  @Test
  void withoutAnyFileOnlyTheEnvironmentCounts() {
    assertThat(ConfigSources.load(null, Map.of("TRENDMILL_STATE_DIR", "/data"))).containsOnly(Map.entry("state.dir", "/data"));
    assertThat(ConfigSources.load(null, Map.of())).isEmpty();
  }

  @Test
  void theFileIsReadAsUtf8() throws IOException {
    Path file = file("utf8.properties", "basic.auth.user.info=jürgen:pässwörd\n");

    assertThat(ConfigSources.readProperties(file)).containsOnly(Map.entry("basic.auth.user.info", "jürgen:pässwörd"));
  }

  @Test
  void aMissingFileIsAClearError() {
    Path missing = dir.resolve("nope.properties");

    assertThatThrownBy(() -> ConfigSources.load(null, Map.of(ConfigSources.CONFIG_FILE_ENV, missing.toString())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(missing.toString());
  }
}
