package org.gaitctl.core.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentTerminationException;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.gaitctl.core.time.NanoClock;
import org.junit.jupiter.api.Test;

/** The loop thread on real time: counts and names only, no timing asserted. */
class AgentThreadTest {

  @Test
  void shouldRunAPeriodicCycleOnANamedThreadAndGoOnAfterACycleThrew() throws Exception {
    CountDownLatch fiveCycles = new CountDownLatch(5);
    AtomicReference<String> threadName = new AtomicReference<>();
    PeriodicCycle cycle =
        new PeriodicCycle() {
          @Override
          public void doWork(long nowNs) {
            threadName.set(Thread.currentThread().getName());
            fiveCycles.countDown();
            if (fiveCycles.getCount() == 3) {
              throw new IllegalStateException("one bad cycle");
            }
          }

          @Override
          public void onCycleError(Throwable error) {
            // counted by the agent
          }

          @Override
          public String roleName() {
            return "ticker";
          }
        };
    PeriodicAgent agent = new PeriodicAgent(cycle, NanoClock.SYSTEM, 1_000_000L);
    try (AgentThread thread =
        AgentThread.start(agent, DeadlineIdleStrategy.forPeriodic(agent, NanoClock.SYSTEM))) {
      assertThat(fiveCycles.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(thread.isAlive()).isTrue();
      assertThat(threadName.get()).as("Agrona names the thread after the role").isEqualTo("ticker");
      assertThat(agent.counters().get(LoopCounter.CYCLE_ERRORS)).isEqualTo(1);
      assertThat(thread.escapedErrors()).isZero();
    }
  }

  @Test
  void shouldEndWhenTheAgentTerminatesItself() throws Exception {
    CountDownLatch ended = new CountDownLatch(1);
    Agent agent =
        new Agent() {
          @Override
          public int doWork() {
            throw new AgentTerminationException("port gone");
          }

          @Override
          public void onClose() {
            ended.countDown();
          }

          @Override
          public String roleName() {
            return "ender";
          }
        };
    try (AgentThread thread = AgentThread.start(agent, new SleepingMillisIdleStrategy(1))) {
      assertThat(ended.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(thread.escapedErrors()).isZero();
    }
  }
}
