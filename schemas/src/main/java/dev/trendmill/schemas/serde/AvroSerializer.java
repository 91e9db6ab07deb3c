package dev.trendmill.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records (specific or generic) in the Confluent wire format, registering the writer schema under the
 * topic-name subject ({@code <topic>-value}). When it registers under a subject for the first time it also sets the
 * subject's compatibility (BACKWARD by default). A null record is written as null, so tombstones pass through.
 */
public class AvroSerializer<T extends GenericContainer> implements Serializer<T> {
  private AvroSerdeConfig config;
  private boolean isKey;
  private final Map<Schema, DatumWriter<Object>> writers = new ConcurrentHashMap<>();
  private final Set<String> compatibilitySet = ConcurrentHashMap.newKeySet();

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.config = AvroSerdeConfig.from(configs);
    this.isKey = isKey;
  }

  @Override
  public byte[] serialize(String topic, T record) {
    if (record == null) {
      return null;
    }
    if (config == null) {
      throw new IllegalStateException("AvroSerializer used before configure()");
    }
    Schema schema = record.getSchema();
    String subject = WireFormat.subject(topic, isKey);
    int id;
    try {
      if (config.autoRegister()) {
        if (compatibilitySet.add(subject)) {
          config.registry().setCompatibility(subject, config.compatibility());
        }
        id = config.registry().register(subject, schema);
      } else {
        id = config.registry().idOf(subject, schema);
      }
    } catch (RuntimeException e) {
      compatibilitySet.remove(subject);
      throw new SerializationException("Cannot serialize a " + schema.getFullName() + " for " + subject + ": " + e.getMessage(), e);
    }
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(256);
      out.write(WireFormat.MAGIC_BYTE);
      out.write(ByteBuffer.allocate(4).putInt(id).array());
      BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
      writers.computeIfAbsent(schema, AvroSerializer::writerFor).write(record, encoder);
      encoder.flush();
      return out.toByteArray();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("Cannot encode a " + schema.getFullName() + " for " + subject + ": " + e.getMessage(), e);
    }
  }

  private static DatumWriter<Object> writerFor(Schema schema) {
    // SpecificData.getForSchema finds the generated class's model, which carries its logical-type conversions.
    return new SpecificDatumWriter<>(schema, SpecificData.getForSchema(schema));
  }
}
