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
  /**
   * Topic → the schema last written there, its id and writer: a record of the same schema object (every generated
   * record of a class shares one) skips the subject name, the registry lookup and the writer lookup.
   */
  private final Map<String, Registered> lastByTopic = new ConcurrentHashMap<>();

  private record Registered(Schema schema, byte[] header, DatumWriter<Object> writer) {}

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
    Registered registered = lastByTopic.get(topic);
    if (registered == null || registered.schema() != schema) {
      registered = register(topic, schema);
      lastByTopic.put(topic, registered);
    }
    Buffer out = Buffer.forThisThread();
    try {
      out.write(registered.header()); // before the encoder's first flush, which appends the record's bytes
      registered.writer().write(record, out.encoder);
      out.encoder.flush();
      return out.toByteArray();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("Cannot encode a " + schema.getFullName() + " for " + WireFormat.subject(topic, isKey) + ": " + e.getMessage(), e);
    }
  }

  private Registered register(String topic, Schema schema) {
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
    byte[] header = ByteBuffer.allocate(WireFormat.HEADER_SIZE).put(WireFormat.MAGIC_BYTE).putInt(id).array();
    return new Registered(schema, header, writers.computeIfAbsent(schema, AvroSerializer::writerFor));
  }

  /**
   * One stream per thread, reused: a record was written into a new 256-byte stream that grew (copying) to the size of
   * an article, then copied out. Serializers are shared by the threads of a Kafka Streams application, hence per thread.
   * Its encoder is Avro's buffered one: the direct encoder made a (synchronized) stream call per field, 20 to 30% of
   * a record's encoding.
   */
  private static final class Buffer extends ByteArrayOutputStream {
    private static final int INITIAL = 8 * 1024;
    /** Larger than this after a record (a huge article), the buffer is not kept. */
    private static final int KEPT_AT_MOST = 256 * 1024;
    private static final ThreadLocal<Buffer> BUFFERS = ThreadLocal.withInitial(Buffer::new);

    private BinaryEncoder encoder;

    private Buffer() {
      super(INITIAL);
    }

    static Buffer forThisThread() {
      Buffer buffer = BUFFERS.get();
      if (buffer.buf.length > KEPT_AT_MOST) {
        buffer = new Buffer();
        BUFFERS.set(buffer);
      }
      // Reconfiguring flushes whatever a record that failed half-way left in the encoder; the reset then drops it.
      buffer.encoder = EncoderFactory.get().binaryEncoder(buffer, buffer.encoder);
      buffer.reset();
      return buffer;
    }
  }

  private static DatumWriter<Object> writerFor(Schema schema) {
    // SpecificData.getForSchema finds the generated class's model, which carries its logical-type conversions.
    return new SpecificDatumWriter<>(schema, SpecificData.getForSchema(schema));
  }
}
