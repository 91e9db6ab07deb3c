package dev.trendmill.compose.it;

import dev.trendmill.compose.embedded.LocalStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The end-to-end scenario on the embedded stack: real KRaft broker, real Apicurio Registry, services as processes. */
@ExtendWith(EmbeddedStackExtension.class)
class PipelineIT {
  @Test
  void samplesAreCountedExactlyAndEveryBadRecordIsDeadLetteredWithItsReason(LocalStack stack) throws Exception {
    PipelineScenario.samplesAreCountedExactlyAndEveryBadRecordIsDeadLettered(PipelineScenario.Endpoints.of(stack));
  }
}
