package org.gaitctl.hil;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples the controller's RSS ({@code /proc/PID/status}) and Java heap ({@code jcmd PID
 * GC.heap_info}, the attach mechanism: no option in the controller) from outside, at the start and
 * every {@code intervalS}, on its own thread so the runner's timeline is not held up by {@code
 * jcmd}'s JVM start.
 */
final class ResourceSampler {

  private static final Logger LOG = LoggerFactory.getLogger(ResourceSampler.class);
  private static final Pattern VM_RSS = Pattern.compile("(?m)^VmRSS:\\s+(\\d+) kB");
  private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");
  private static final Pattern YOUNG = Pattern.compile("(\\d+) young \\((\\d+)K\\)");
  private static final long JCMD_TIMEOUT_S = 30;

  private final long pid;
  private final long originNs;
  private final List<ResourceSample> samples = new ArrayList<>();
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "hil-resource-sampler");
            t.setDaemon(true);
            return t;
          });

  /**
   * @param originNs the runner's time the samples' {@code atS} count from (the first stage)
   */
  ResourceSampler(long pid, long originNs) {
    this.pid = pid;
    this.originNs = originNs;
  }

  /** A sample now and then every {@code intervalS}. */
  void start(long intervalS) {
    thread.scheduleWithFixedDelay(this::sampleQuietly, 0, intervalS, TimeUnit.SECONDS);
  }

  /** Stops sampling after one last sample (the process still lives); returns every sample. */
  List<ResourceSample> stop() throws InterruptedException {
    thread.shutdown();
    if (!thread.awaitTermination(JCMD_TIMEOUT_S + 5, TimeUnit.SECONDS)) {
      LOG.warn("resource sampler of {} did not stop in time", pid);
    }
    sampleQuietly();
    synchronized (samples) {
      return List.copyOf(samples);
    }
  }

  private void sampleQuietly() {
    try {
      ResourceSample sample = sample();
      synchronized (samples) {
        samples.add(sample);
      }
    } catch (IOException e) {
      // A gap in the samples shows in the report; the expectations judge what was sampled.
      LOG.warn("cannot sample the controller's memory (pid {}): {}", pid, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private ResourceSample sample() throws IOException, InterruptedException {
    double atS = (System.nanoTime() - originNs) / 1e9;
    long rssKb = rssKb(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
    String heapInfo = jcmd("GC.heap_info");
    long used = heapUsedKb(heapInfo);
    long young = youngKb(heapInfo);
    return new ResourceSample(atS, rssKb, used, used < 0 || young < 0 ? -1 : used - young);
  }

  static long rssKb(String procStatus) throws IOException {
    Matcher m = VM_RSS.matcher(procStatus);
    if (!m.find()) {
      throw new IOException("no VmRSS line in /proc/PID/status");
    }
    return Long.parseLong(m.group(1));
  }

  /** G1's "garbage-first heap total 524288K, used 65432K [...": the used KiB, or -1. */
  static long heapUsedKb(String heapInfo) {
    Matcher m = HEAP_USED.matcher(heapInfo);
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  /** G1's "region size 1024K, 30 young (30720K), 2 survivors (2048K)": the young KiB, or -1. */
  static long youngKb(String heapInfo) {
    Matcher m = YOUNG.matcher(heapInfo);
    return m.find() ? Long.parseLong(m.group(2)) : -1;
  }

  private String jcmd(String command) throws IOException, InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process process =
        // At the lowest priority: jcmd's own JVM start must not take CPU from the controller.
        new ProcessBuilder("nice", "-n", "19", jcmd.toString(), Long.toString(pid), command)
            .redirectErrorStream(true)
            .start();
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(JCMD_TIMEOUT_S, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException("jcmd " + pid + " " + command + " did not end");
    }
    return new String(out, StandardCharsets.UTF_8);
  }
}
