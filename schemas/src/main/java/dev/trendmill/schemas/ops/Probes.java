package dev.trendmill.schemas.ops;

import dev.trendmill.schemas.runtime.StreamsApp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** What the ops routes answer: liveness, readiness (each with details) and the metrics text. */
public interface Probes {
  Health live();

  Health ready();

  String metrics();

  record Health(boolean up, Map<String, Object> details) {
    public Map<String, Object> body() {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("status", up ? "UP" : "DOWN");
      body.putAll(details);
      return body;
    }
  }

  /**
   * A Kafka Streams service: live unless its Streams client failed for good (ERROR, or stopped on its own), ready when
   * RUNNING with no store restoring.
   */
  static Probes of(StreamsApp app, Supplier<String> metrics) {
    return new Probes() {
      @Override
      public Health live() {
        return new Health(app.isLive(), Map.of("streams_state", app.state().name()));
      }

      @Override
      public Health ready() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("streams_state", app.state().name());
        details.put("restoring_stores", app.restoringStores());
        return new Health(app.isReady(), details);
      }

      @Override
      public String metrics() {
        return metrics.get();
      }
    };
  }

  /** From plain suppliers (tests, simple servers): live always, ready as told. */
  static Probes of(BooleanSupplier ready, Supplier<String> metrics) {
    return new Probes() {
      @Override
      public Health live() {
        return new Health(true, Map.of());
      }

      @Override
      public Health ready() {
        return new Health(ready.getAsBoolean(), Map.of());
      }

      @Override
      public String metrics() {
        return metrics.get();
      }
    };
  }
}
