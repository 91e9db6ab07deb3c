package dev.trendmill.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.trendmill.schemas.deadletter.RejectedRecordException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The edges of {@code published_at} reading that the parser tests do not reach: absent versus unreadable, which digit
 * strings count as epoch millis, and that a rejection quotes the value without flooding the dead-letter header.
 */
final class PublishedAtTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Test
  void absentOrNullMeansUnknown() {
    assertThat(PublishedAt.parse(null)).isNull();
    assertThat(PublishedAt.parse(NODES.nullNode())).isNull();
    assertThat(PublishedAt.parse(NODES.textNode(""))).isNull();
  }

  @Test
  void integersAreEpochMillisIncludingBeforeNineteenSeventy() {
    Instant moonLanding = Instant.parse("1969-07-20T20:17:40Z");

    assertThat(PublishedAt.parse(NODES.numberNode(moonLanding.toEpochMilli()))).isEqualTo(moonLanding);
    assertThat(PublishedAt.parse(NODES.numberNode(0))).isEqualTo(Instant.EPOCH);
  }

  @Test
  void digitStringsOfTenToThirteenDigitsAreEpochMillis() {
    assertThat(PublishedAt.parse(NODES.textNode("1777528800000"))).isEqualTo(Instant.parse("2026-04-30T06:00:00Z"));
    assertThat(PublishedAt.parse(NODES.textNode("1000000000"))).isEqualTo(Instant.ofEpochSecond(1_000_000));
  }

  @ParameterizedTest
  @ValueSource(strings = {"123456789", "12345678901234", "20260430", "2026-13-01", "30/04/2026", "now"})
  void otherStringsMustBeADateFormat(String text) {
    assertThatThrownBy(() -> PublishedAt.parse(NODES.textNode(text)))
        .isInstanceOfSatisfying(RejectedRecordException.class, e -> assertThat(e.reason()).isEqualTo("invalid-published-at"))
        .hasMessageContaining(text);
  }

  @Test
  void aLongUnreadableValueIsAbbreviatedInTheMessage() {
    String junk = "x".repeat(10_000);

    assertThatThrownBy(() -> PublishedAt.parse(NODES.textNode(junk)))
        .isInstanceOf(RejectedRecordException.class)
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200).endsWith("..."));
  }

  @Test
  void nonTextNonIntegerValuesAreRejected() {
    for (JsonNode node : new JsonNode[] {
      NODES.booleanNode(true), NODES.numberNode(1.5), NODES.arrayNode().add("2026-04-30"), NODES.objectNode()
    }) {
      assertThatThrownBy(() -> PublishedAt.parse(node))
          .as("%s", node)
          .isInstanceOfSatisfying(RejectedRecordException.class, e -> assertThat(e.reason()).isEqualTo("invalid-published-at"));
    }
  }
}
