package dev.trendmill.aggregate.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HorizonTest {
  @Test
  void parsesAListOfHorizons() {
    List<Horizon> horizons = Horizon.parseList("1h/5m, 24h/1h,7d/6h");
    assertThat(horizons).extracting(Horizon::name).containsExactly("1h", "24h", "7d");
    assertThat(horizons.get(2).length()).isEqualTo(Duration.ofDays(7));
    assertThat(horizons.get(0).advance()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void rejectsBadSpecsWithAReason() {
    assertThatThrownBy(() -> Horizon.parseList("24h")).hasMessageContaining("LENGTH/ADVANCE");
    assertThatThrownBy(() -> Horizon.parseList("25m/10m")).hasMessageContaining("multiple");
    assertThatThrownBy(() -> Horizon.parseList("1x/1h")).hasMessageContaining("Not a duration");
    assertThatThrownBy(() -> Horizon.parseList(" ")).hasMessageContaining("At least one");
  }

  @Test
  void windowEndsAtTheBucketBoundaryAfterTheTimestamp() {
    Horizon day = Horizon.parseList("24h/1h").get(0);
    long t = Instant.parse("2026-09-10T13:20:00Z").toEpochMilli();
    Horizon.Window window = day.windowAt(t);
    assertThat(Instant.ofEpochMilli(window.end())).isEqualTo(Instant.parse("2026-09-10T14:00:00Z"));
    assertThat(Instant.ofEpochMilli(window.start())).isEqualTo(Instant.parse("2026-09-09T14:00:00Z"));
    assertThat(Instant.ofEpochMilli(day.bucketStart(t))).isEqualTo(Instant.parse("2026-09-10T13:00:00Z"));
  }

  @Test
  void bucketsBeforeTheEpochRoundDown() {
    Horizon hour = Horizon.parseList("1h/5m").get(0);
    assertThat(hour.bucketStart(-1)).isEqualTo(-Duration.ofMinutes(5).toMillis());
  }
}
