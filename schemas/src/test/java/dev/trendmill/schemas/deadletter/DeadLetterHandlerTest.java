package dev.trendmill.schemas.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParseException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

/**
 * The dead-letter handler on its own, with a hand-made handler context: every failed record becomes exactly one
 * record on the configured topic carrying the original bytes and headers that say who rejected it, why, and where
 * it came from, and the stream is told to go on.
 */
final class DeadLetterHandlerTest {
  private static final byte[] RAW_KEY = {'k', 0, (byte) 0xff};
  private static final byte[] RAW_VALUE = "{\"title\": \"\", \"body\": \"x\"}".getBytes(StandardCharsets.UTF_8);
  private static final long TIMESTAMP = 1_767_000_000_000L;

  /** ErrorHandlerContext is an interface: a record gives exactly the values a test wants. */
  private record Context(
      String topic,
      int partition,
      long offset,
      Headers headers,
      String processorNodeId,
      TaskId taskId,
      long timestamp,
      byte[] sourceRawKey,
      byte[] sourceRawValue)
      implements ErrorHandlerContext {}

  private static Context context() {
    return new Context(
        "articles.inbox", 3, 4711L, new RecordHeaders(), "parse-article", new TaskId(0, 3), TIMESTAMP, RAW_KEY, RAW_VALUE);
  }

  private static DeadLetterHandler handler() {
    DeadLetterHandler handler = new DeadLetterHandler();
    handler.configure(
        Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "x.articles.dlq", DeadLetterHandler.STAGE_CONFIG, "ingest"));
    return handler;
  }

  private static ProducerRecord<byte[], byte[]> only(List<ProducerRecord<byte[], byte[]>> records) {
    assertThat(records).hasSize(1);
    return records.getFirst();
  }

  private static String header(ProducerRecord<byte[], byte[]> record, String name) {
    assertThat(record.headers().headers(name)).as("exactly one header %s", name).hasSize(1);
    return DeadLetterHeaders.get(record.headers(), name);
  }

  @Test
  void aRejectedRecordResumesWithOneDeadLetterCarryingTheOriginalBytesAndEveryHeader() {
    Instant before = Instant.now();

    ProcessingExceptionHandler.Response response =
        handler()
            .handleError(
                context(),
                new Record<>("parsed-key", "parsed-value", TIMESTAMP),
                new RejectedRecordException("missing-title", "The article has no title"));

    Instant after = Instant.now();
    assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
    ProducerRecord<byte[], byte[]> letter = only(response.deadLetterQueueRecords());
    assertThat(letter.topic()).isEqualTo("x.articles.dlq");
    assertThat(letter.partition()).as("the producer's partitioner decides").isNull();
    assertThat(letter.key()).containsExactly(RAW_KEY);
    assertThat(letter.value()).containsExactly(RAW_VALUE);
    assertThat(letter.timestamp()).isEqualTo(TIMESTAMP);
    assertThat(header(letter, DeadLetterHeaders.STAGE)).isEqualTo("ingest");
    assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo("missing-title");
    assertThat(header(letter, DeadLetterHeaders.MESSAGE)).isEqualTo("The article has no title");
    assertThat(header(letter, DeadLetterHeaders.ERROR_CLASS)).isEqualTo(RejectedRecordException.class.getName());
    assertThat(header(letter, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("articles.inbox");
    assertThat(header(letter, DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("3");
    assertThat(header(letter, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("4711");
    assertThat(Instant.parse(header(letter, DeadLetterHeaders.TIME))).isBetween(before, after);
  }

  @Test
  void aRejectionWithACauseNamesTheCauseClass() {
    JsonParseException cause = new JsonParseException(null, "Unexpected end-of-input");

    ProducerRecord<byte[], byte[]> letter =
        only(
            handler()
                .handleError(context(), new Record<>(null, null, 0L), new RejectedRecordException("not-json", "Not valid JSON", cause))
                .deadLetterQueueRecords());

    assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo("not-json");
    assertThat(header(letter, DeadLetterHeaders.MESSAGE)).isEqualTo("Not valid JSON");
    assertThat(header(letter, DeadLetterHeaders.ERROR_CLASS)).isEqualTo(JsonParseException.class.getName());
  }

  @Test
  void anyOtherExceptionIsAProcessingError() {
    ProcessingExceptionHandler.Response response =
        handler().handleError(context(), new Record<>(null, null, 0L), new IllegalStateException("store closed"));

    assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
    ProducerRecord<byte[], byte[]> letter = only(response.deadLetterQueueRecords());
    assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo("processing-error");
    assertThat(header(letter, DeadLetterHeaders.MESSAGE)).isEqualTo("store closed");
    assertThat(header(letter, DeadLetterHeaders.ERROR_CLASS)).isEqualTo(IllegalStateException.class.getName());
    assertThat(letter.value()).containsExactly(RAW_VALUE);
  }

  @Test
  void anExceptionWithoutMessageStillGetsOne() {
    ProducerRecord<byte[], byte[]> letter =
        only(handler().handleError(context(), new Record<>(null, null, 0L), new NullPointerException()).deadLetterQueueRecords());

    assertThat(header(letter, DeadLetterHeaders.MESSAGE)).isNotBlank().contains("NullPointerException");
  }

  @Test
  void anUndecodableRecordResumesWithADeadLetter() {
    ConsumerRecord<byte[], byte[]> raw = new ConsumerRecord<>("articles", 1, 99L, RAW_KEY, RAW_VALUE);
    Context context =
        new Context("articles", 1, 99L, new RecordHeaders(), "source", new TaskId(0, 1), TIMESTAMP, RAW_KEY, RAW_VALUE);

    DeserializationExceptionHandler.Response response =
        handler().handleError(context, raw, new SerializationException("Record on articles is not in the Confluent Avro wire format"));

    assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
    ProducerRecord<byte[], byte[]> letter = only(response.deadLetterQueueRecords());
    assertThat(letter.topic()).isEqualTo("x.articles.dlq");
    assertThat(letter.key()).containsExactly(RAW_KEY);
    assertThat(letter.value()).containsExactly(RAW_VALUE);
    assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo("undecodable");
    assertThat(header(letter, DeadLetterHeaders.ERROR_CLASS)).isEqualTo(SerializationException.class.getName());
    assertThat(header(letter, DeadLetterHeaders.MESSAGE)).contains("wire format");
    assertThat(header(letter, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("articles");
    assertThat(header(letter, DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("1");
    assertThat(header(letter, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("99");
  }

  @Test
  void aRecordWithoutKeyOrTimestampIsDeadLetteredWithoutThem() {
    Context context =
        new Context("articles.inbox", 0, 0L, new RecordHeaders(), "parse-article", new TaskId(0, 0), -1L, null, RAW_VALUE);

    ProducerRecord<byte[], byte[]> letter =
        only(
            handler()
                .handleError(context, new Record<>(null, null, 0L), new RejectedRecordException("empty", "The record has no value"))
                .deadLetterQueueRecords());

    assertThat(letter.key()).isNull();
    assertThat(letter.value()).containsExactly(RAW_VALUE);
    assertThat(letter.timestamp()).as("the producer stamps it").isNull();
  }

  @Test
  void theStageDefaultsToUnknown() {
    DeadLetterHandler handler = new DeadLetterHandler();
    handler.configure(Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "articles.dlq"));

    ProducerRecord<byte[], byte[]> letter =
        only(handler.handleError(context(), new Record<>(null, null, 0L), new RuntimeException("x")).deadLetterQueueRecords());

    assertThat(header(letter, DeadLetterHeaders.STAGE)).isEqualTo("unknown");
  }

  @Test
  void withoutATopicTheHandlerRefusesToStart() {
    DeadLetterHandler handler = new DeadLetterHandler();

    assertThatThrownBy(() -> handler.configure(Map.of(DeadLetterHandler.STAGE_CONFIG, "ingest")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
  }
}
