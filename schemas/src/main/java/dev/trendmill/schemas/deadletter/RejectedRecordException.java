package dev.trendmill.schemas.deadletter;

/**
 * Thrown by a processor for a record that cannot be used; {@link DeadLetterHandler} sends the original record to the
 * dead-letter topic with {@link #reason()} as a short machine-readable code and the message as the human one.
 */
public class RejectedRecordException extends RuntimeException {
  private final String reason;

  public RejectedRecordException(String reason, String message) {
    super(message, null, false, false); // a rejection is data, not a bug: no stack trace to fill
    this.reason = reason;
  }

  public RejectedRecordException(String reason, String message, Throwable cause) {
    super(message, cause, false, false);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
