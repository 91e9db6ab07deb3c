package dev.trendmill.schemas.registry;

/** A registry call failed; the message names the operation, the subject or id, and the registry URL. */
public class SchemaRegistryException extends RuntimeException {
  private final int status;

  public SchemaRegistryException(String message, int status, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /** The HTTP status of the failed call, or -1 when the registry could not be reached. */
  public int status() {
    return status;
  }
}
