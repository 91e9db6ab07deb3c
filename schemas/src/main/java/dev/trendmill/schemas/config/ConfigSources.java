package dev.trendmill.schemas.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Where a service's settings come from: a properties file (path in {@code TRENDMILL_CONFIG_FILE} or given), then
 * environment variables, which win. {@code TRENDMILL_BOOTSTRAP_SERVERS} sets {@code bootstrap.servers},
 * {@code TRENDMILL_SECURITY_PROTOCOL} sets {@code security.protocol}: the prefix dropped, lower-cased, {@code _}
 * read as {@code .}.
 */
public final class ConfigSources {
  public static final String ENV_PREFIX = "TRENDMILL_";
  public static final String CONFIG_FILE_ENV = "TRENDMILL_CONFIG_FILE";

  private ConfigSources() {}

  public static Map<String, String> load(Path file, Map<String, String> env) {
    Map<String, String> settings = new HashMap<>();
    Path source = file != null ? file : env.containsKey(CONFIG_FILE_ENV) ? Path.of(env.get(CONFIG_FILE_ENV)) : null;
    if (source != null) {
      settings.putAll(readProperties(source));
    }
    settings.putAll(fromEnvironment(env));
    return settings;
  }

  public static Map<String, String> fromEnvironment(Map<String, String> env) {
    Map<String, String> settings = new HashMap<>();
    env.forEach(
        (name, value) -> {
          if (name.startsWith(ENV_PREFIX) && !name.equals(CONFIG_FILE_ENV) && name.length() > ENV_PREFIX.length()) {
            settings.put(name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
          }
        });
    return settings;
  }

  public static Map<String, String> readProperties(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot read settings file " + file + ": " + e.getMessage(), e);
    }
    Map<String, String> settings = new HashMap<>();
    properties.stringPropertyNames().forEach(key -> settings.put(key, properties.getProperty(key)));
    return settings;
  }
}
