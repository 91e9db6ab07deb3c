package dev.trendmill.schemas.deadletter;

import dev.trendmill.schemas.ops.PipelineMeters;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Streams' own error hooks (KIP-1033/1034) pointed at the dead-letter topic: a record that cannot be
 * deserialized or processed is written there unchanged (original key and value bytes) with headers that name the
 * stage, the reason and the source position, inside the same transaction as the task's output. The stream goes on.
 *
 * <p>Settings read: {@code errors.dead.letter.queue.topic.name} (the topic) and {@link #STAGE_CONFIG}.
 */
public class DeadLetterHandler implements DeserializationExceptionHandler, ProcessingExceptionHandler {
  public static final String STAGE_CONFIG = "dlq.stage";
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandler.class);

  private String topic;
  private String stage;

  @Override
  public void configure(Map<String, ?> configs) {
    Object configured = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
    if (configured == null) {
      throw new IllegalArgumentException(
          StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG + " must name the dead-letter topic");
    }
    topic = configured.toString();
    Object configuredStage = configs.get(STAGE_CONFIG);
    stage = configuredStage == null ? "unknown" : configuredStage.toString();
  }

  @Override
  public DeserializationExceptionHandler.Response handleError(
      ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    return DeserializationExceptionHandler.Response.resume(List.of(deadLetter(context, "undecodable", exception)));
  }

  @Override
  public ProcessingExceptionHandler.Response handleError(
      ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    String reason = exception instanceof RejectedRecordException rejected ? rejected.reason() : "processing-error";
    return ProcessingExceptionHandler.Response.resume(List.of(deadLetter(context, reason, exception)));
  }

  private ProducerRecord<byte[], byte[]> deadLetter(ErrorHandlerContext context, String reason, Exception exception) {
    Throwable cause = exception instanceof RejectedRecordException && exception.getCause() != null ? exception.getCause() : exception;
    String message = exception.getMessage() == null ? cause.toString() : exception.getMessage();
    if (exception instanceof RejectedRecordException) {
      LOG.info("Dead-lettered {}-{}@{} at {}: {} ({})", context.topic(), context.partition(), context.offset(), stage, reason, message);
    } else {
      LOG.warn("Dead-lettered {}-{}@{} at {}: {}", context.topic(), context.partition(), context.offset(), stage, message, exception);
    }
    PipelineMeters.deadLetter(stage, reason);
    Headers headers = new RecordHeaders();
    put(headers, DeadLetterHeaders.STAGE, stage);
    put(headers, DeadLetterHeaders.REASON, reason);
    put(headers, DeadLetterHeaders.MESSAGE, message);
    put(headers, DeadLetterHeaders.ERROR_CLASS, cause.getClass().getName());
    put(headers, DeadLetterHeaders.SOURCE_TOPIC, context.topic());
    put(headers, DeadLetterHeaders.SOURCE_PARTITION, Integer.toString(context.partition()));
    put(headers, DeadLetterHeaders.SOURCE_OFFSET, Long.toString(context.offset()));
    put(headers, DeadLetterHeaders.TIME, Instant.now().toString());
    Long timestamp = context.timestamp() >= 0 ? context.timestamp() : null;
    return new ProducerRecord<>(topic, null, timestamp, context.sourceRawKey(), context.sourceRawValue(), headers);
  }

  private static void put(Headers headers, String name, String value) {
    headers.add(name, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
  }
}
