package org.gaitctl.drivers.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** The order of waiting requests; threads are observed in their waiting state, not timed. */
class RequestLineTest {

  private final RequestLine line = new RequestLine();
  private final List<RequestClass> served = new CopyOnWriteArrayList<>();

  @Test
  void shouldServeWaitingRequestsSafetyFirstThenHeartbeatStatusAndSetpoints() throws Exception {
    assertThat(line.tryEnter(RequestClass.SETPOINT)).isTrue();
    Thread setpoint = waitInLine(RequestClass.SETPOINT);
    Thread status = waitInLine(RequestClass.STATUS);
    Thread heartbeat = waitInLine(RequestClass.HEARTBEAT);
    Thread safety = waitInLine(RequestClass.SAFETY);

    line.leave();
    for (Thread thread : List.of(setpoint, status, heartbeat, safety)) {
      thread.join(10_000);
    }

    assertThat(served)
        .containsExactly(
            RequestClass.SAFETY,
            RequestClass.HEARTBEAT,
            RequestClass.STATUS,
            RequestClass.SETPOINT);
  }

  @Test
  void shouldGiveUpABoundedWaitWhenTheLineStaysBusy() {
    assertThat(line.tryEnter(RequestClass.STATUS)).isTrue();

    assertThat(line.enter(RequestClass.SETPOINT, 1_000_000L)).isFalse();
  }

  /** Starts a thread that enters, records its class, and leaves; returns once it waits. */
  private Thread waitInLine(RequestClass requestClass) {
    Thread thread =
        new Thread(
            () -> {
              line.enter(requestClass, Long.MAX_VALUE);
              served.add(requestClass);
              line.leave();
            },
            "waits-" + requestClass);
    thread.start();
    while (thread.getState() != Thread.State.WAITING) {
      LockSupport.parkNanos(1_000_000L);
    }
    return thread;
  }
}
