package dev.trendmill.schemas.runtime;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import java.util.Iterator;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * Switches the console log to one JSON object per line (logback's own {@link JsonEncoder}) when {@code log.format}
 * ({@code TRENDMILL_LOG_FORMAT}) is {@code json}; {@code text}, the default, keeps logback.xml's pattern. Done in code
 * because logback.xml cannot choose an encoder by setting without Janino.
 */
public final class LogFormat {
  private LogFormat() {}

  public static void apply(String format) {
    String chosen = format == null ? "text" : format.strip().toLowerCase(Locale.ROOT);
    if (!chosen.equals("json")) {
      return;
    }
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
      if (it.next() instanceof OutputStreamAppender<ILoggingEvent> appender) {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.setWithFormattedMessage(true); // the message with its arguments filled in, beside the template
        encoder.start();
        appender.stop();
        appender.setEncoder(encoder);
        appender.start();
      }
    }
  }
}
