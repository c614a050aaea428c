package org.gaitctl.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaitctl.core.time.NanoClock;
import org.junit.jupiter.api.Test;

class PeriodicRunnerTest {

  @Test
  void shouldKeepRunningCyclesAfterOneThrowsAndReportIt() throws InterruptedException {
    CountDownLatch fiveCycles = new CountDownLatch(5);
    AtomicInteger errors = new AtomicInteger();
    CycleAgent agent =
        new CycleAgent() {
          private int cycle;

          @Override
          public void doWork(long nowNs) {
            fiveCycles.countDown();
            if (++cycle == 2) {
              throw new IllegalStateException("injected: failing cycle");
            }
          }

          @Override
          public void onCycleError(Throwable error) {
            errors.incrementAndGet();
          }

          @Override
          public String roleName() {
            return "test-agent";
          }
        };
    try (PeriodicRunner runner = PeriodicRunner.start(agent, NanoClock.SYSTEM, 1_000_000L)) {
      assertThat(fiveCycles.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(runner.cycleErrors()).isEqualTo(1);
    }
    assertThat(errors).hasValue(1);
  }
}
