package dev.trendmill.schemas.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent-wire-format Avro: fetches the writer schema by id (cached) and decodes into the generated class of
 * the same full name when one is on the classpath (its current schema is the reader schema, so older writers
 * resolve), else into a generic record.
 */
public class AvroDeserializer<T> implements Deserializer<T> {
  private AvroSerdeConfig config;
  private final Map<Integer, DatumReader<Object>> readers = new ConcurrentHashMap<>();

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.config = AvroSerdeConfig.from(configs);
  }

  @Override
  @SuppressWarnings("unchecked")
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    if (config == null) {
      throw new IllegalStateException("AvroDeserializer used before configure()");
    }
    if (data.length < WireFormat.HEADER_SIZE || data[0] != WireFormat.MAGIC_BYTE) {
      throw new SerializationException(
          "Record on " + topic + " is not in the Confluent Avro wire format (no magic byte 0 and schema id)");
    }
    int id = ByteBuffer.wrap(data, 1, 4).getInt();
    try {
      DatumReader<Object> reader = readers.computeIfAbsent(id, this::readerFor);
      return (T)
          reader.read(
              null,
              DecoderFactory.get()
                  .binaryDecoder(data, WireFormat.HEADER_SIZE, data.length - WireFormat.HEADER_SIZE, null));
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("Cannot decode Avro record with schema id " + id + " on " + topic + ": " + e.getMessage(), e);
    }
  }

  private DatumReader<Object> readerFor(int id) {
    Schema writer = config.registry().byId(id);
    Class<?> generated = SpecificData.get().getClass(writer);
    if (generated == null) {
      return new SpecificDatumReader<>(writer, writer, SpecificData.get());
    }
    Schema reader = SpecificData.get().getSchema(generated);
    return new SpecificDatumReader<>(writer, reader, SpecificData.getForSchema(reader));
  }
}
