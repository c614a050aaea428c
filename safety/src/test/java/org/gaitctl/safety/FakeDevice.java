package org.gaitctl.safety;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.gaitctl.core.port.CommandResult;
import org.gaitctl.core.port.DeviceCounters;
import org.gaitctl.core.time.ManualNanoClock;

/**
 * Shared behaviour of the in-memory fake ports: a log of every call, scripted results per command
 * name, a result for everything while the device is "unplugged", and a simulated time per call.
 */
public abstract class FakeDevice {

  /** Told of every call as it reaches the device: what the test observes at that moment. */
  public volatile Consumer<String> onCall = command -> {};

  private final ManualNanoClock clock;
  private final List<String> calls = new ArrayList<>();
  private final Map<String, Deque<CommandResult>> scripted = new HashMap<>();
  private final Map<String, CommandResult> always = new HashMap<>();
  private CommandResult unplugged;
  private long callNs;

  public FakeDevice(ManualNanoClock clock) {
    this.clock = clock;
  }

  /** The next calls of {@code command} answer these results, in order, then OK again. */
  public synchronized void script(String command, CommandResult... results) {
    scripted.computeIfAbsent(command, k -> new ArrayDeque<>()).addAll(List.of(results));
  }

  /** Every call of {@code command} answers {@code result}. */
  public synchronized void always(String command, CommandResult result) {
    always.put(command, result);
  }

  /** Every call answers {@code result} (e.g. TIMEOUT: the device is gone); null plugs it back. */
  public synchronized void unplug(CommandResult result) {
    unplugged = result;
  }

  /** Each call advances the clock this much, as a request round trip or timeout would. */
  public synchronized void callTakesMs(long ms) {
    callNs = ms * 1_000_000L;
  }

  /** A copy of the calls so far (the pollers may be calling from other threads). */
  public synchronized List<String> calls() {
    return new ArrayList<>(calls);
  }

  public synchronized long count(String command) {
    return calls.stream().filter(c -> c.equals(command)).count();
  }

  /** Counters of this fake link: every call is a request, nothing else is counted. */
  public DeviceCounters counters() {
    return new DeviceCounters() {
      @Override
      public long requests() {
        synchronized (FakeDevice.this) {
          return calls.size();
        }
      }

      @Override
      public long timeouts() {
        return 0;
      }

      @Override
      public long rejections() {
        return 0;
      }

      @Override
      public long ioErrors() {
        return 0;
      }
    };
  }

  public synchronized void clearCalls() {
    calls.clear();
  }

  /** Logs the call and returns its answer. */
  public synchronized CommandResult call(String command) {
    calls.add(command);
    onCall.accept(command);
    if (callNs > 0) {
      clock.advanceNs(callNs);
    }
    if (unplugged != null) {
      return unplugged;
    }
    Deque<CommandResult> queue = scripted.get(command);
    if (queue != null && !queue.isEmpty()) {
      return queue.poll();
    }
    return always.getOrDefault(command, CommandResult.OK);
  }
}
