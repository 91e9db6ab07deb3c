package dev.trendmill.schemas.serde;

import dev.trendmill.schemas.registry.SchemaRegistries;
import dev.trendmill.schemas.registry.SchemaRegistry;
import java.util.Map;

/**
 * The settings the Avro serdes read, under the same keys as Confluent's serdes so one configuration serves both.
 */
public final class AvroSerdeConfig {
  public static final String SCHEMA_REGISTRY_URL_CONFIG = "schema.registry.url";
  public static final String BASIC_AUTH_USER_INFO_CONFIG = "basic.auth.user.info";
  public static final String AUTO_REGISTER_SCHEMAS_CONFIG = "auto.register.schemas";
  /** Not in Confluent's serdes: the compatibility level set on a subject when a serializer first registers under it. */
  public static final String SUBJECT_COMPATIBILITY_CONFIG = "subject.compatibility";

  private final SchemaRegistry registry;
  private final boolean autoRegister;
  private final String compatibility;

  private AvroSerdeConfig(SchemaRegistry registry, boolean autoRegister, String compatibility) {
    this.registry = registry;
    this.autoRegister = autoRegister;
    this.compatibility = compatibility;
  }

  static AvroSerdeConfig from(Map<String, ?> configs) {
    Object url = configs.get(SCHEMA_REGISTRY_URL_CONFIG);
    if (url == null) {
      throw new IllegalArgumentException(
          SCHEMA_REGISTRY_URL_CONFIG + " must be set for the Avro serdes (e.g. http://127.0.0.1:8081/apis/ccompat/v7)");
    }
    Object userInfo = configs.get(BASIC_AUTH_USER_INFO_CONFIG);
    Object auto = configs.get(AUTO_REGISTER_SCHEMAS_CONFIG);
    Object compatibility = configs.get(SUBJECT_COMPATIBILITY_CONFIG);
    return new AvroSerdeConfig(
        SchemaRegistries.forUrl(url.toString(), userInfo == null ? null : userInfo.toString()),
        auto == null || Boolean.parseBoolean(auto.toString()),
        compatibility == null ? "BACKWARD" : compatibility.toString());
  }

  SchemaRegistry registry() {
    return registry;
  }

  boolean autoRegister() {
    return autoRegister;
  }

  String compatibility() {
    return compatibility;
  }
}
