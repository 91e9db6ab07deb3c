package dev.trendmill.schemas.serde;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde for generated Avro classes in the Confluent wire format. Same shape and configuration keys as Confluent's
 * {@code io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde}, which can be configured in its place
 * ({@code avro.serde.class}).
 */
public class SpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {
  private final AvroSerializer<T> serializer = new AvroSerializer<>();
  private final AvroDeserializer<T> deserializer = new AvroDeserializer<>();

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    serializer.configure(configs, isKey);
    deserializer.configure(configs, isKey);
  }

  @Override
  public Serializer<T> serializer() {
    return serializer;
  }

  @Override
  public Deserializer<T> deserializer() {
    return deserializer;
  }
}
