package dev.trendmill.compose.embedded;

/** The local stack could not start; the message is one line a user can act on. */
public class StackException extends RuntimeException {
  public StackException(String message) {
    super(message);
  }

  public StackException(String message, Throwable cause) {
    super(message, cause);
  }
}
