package org.gaitctl.hil;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command line of a gaitctl child process: the running JVM's own {@code java} executable and
 * class path, the application's main class and the {@code --add-exports} options the launcher and
 * the build use. So children run from the jar and from Maven tests alike.
 */
public final class ChildJvm {

  private static final Logger LOG = LoggerFactory.getLogger(ChildJvm.class);

  /** What Agrona's buffers need (the jar's manifest says the same in Add-Exports). */
  static final String AGRONA_EXPORTS = "java.base/jdk.internal.misc=ALL-UNNAMED";

  /**
   * A runner started in the background by a script has SIGINT ignored, its children inherit that,
   * and a JVM that starts with SIGINT ignored installs no handler: the scenarios' Ctrl-C ({@code
   * stopAfterS}) would not reach the controller. GNU {@code env --default-signal=INT} (coreutils
   * 8.31) restores the default before it execs the child, keeping its pid; where it is missing,
   * children start as they are.
   */
  private static final List<String> SIGINT_DEFAULT = sigintDefaultPrefix();

  private final String mainClass;

  /**
   * @param mainClass the class whose {@code main} is the {@code gaitctl} command line
   */
  public ChildJvm(String mainClass) {
    this.mainClass = mainClass;
  }

  /**
   * The controller runs with the options the {@code gaitctl} launcher gives it in use (fixed heap,
   * pre-touched, G1 with a 10 ms pause goal, no shared perf-data file; docs/PERFORMANCE.md "JVM
   * options"), so its timings are those of a real session, also when the runner itself runs inside
   * Maven.
   */
  static final List<String> CONTROLLER_OPTIONS =
      List.of(
          "-Xms512m",
          "-Xmx512m",
          "-XX:+AlwaysPreTouch",
          "-XX:+UseG1GC",
          "-XX:MaxGCPauseMillis=10",
          "-XX:+PerfDisableSharedMem");

  /**
   * The emulators are test equipment, not the product: they compile with C1 only and keep a small
   * heap. Their C2 compiles would otherwise take the second core from the controller in its first
   * seconds, while its own code compiles.
   */
  static final List<String> EMULATOR_OPTIONS =
      List.of("-XX:TieredStopAtLevel=1", "-Xmx256m", "-XX:+PerfDisableSharedMem");

  /** {@code java [exports] -cp CLASSPATH MAIN args...} */
  List<String> command(List<String> args) {
    return command(List.of(), args);
  }

  /** {@code [env --default-signal=INT] java OPTIONS [exports] -cp CLASSPATH MAIN args...} */
  public List<String> command(List<String> jvmOptions, List<String> args) {
    List<String> command = new ArrayList<>(SIGINT_DEFAULT);
    command.add(javaExecutable());
    command.addAll(jvmOptions);
    List<String> jvmArgs = ManagementFactory.getRuntimeMXBean().getInputArguments();
    boolean agrona = false;
    for (int i = 0; i < jvmArgs.size(); i++) {
      String arg = jvmArgs.get(i);
      if (arg.startsWith("--add-exports=")) {
        command.add(arg);
        agrona |= arg.endsWith(AGRONA_EXPORTS);
      } else if (arg.equals("--add-exports") && i + 1 < jvmArgs.size()) {
        command.add(arg);
        command.add(jvmArgs.get(++i));
        agrona |= jvmArgs.get(i).equals(AGRONA_EXPORTS);
      }
    }
    if (!agrona) {
      command.add("--add-exports");
      command.add(AGRONA_EXPORTS);
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(args);
    return command;
  }

  private static List<String> sigintDefaultPrefix() {
    List<String> prefix = List.of("env", "--default-signal=INT");
    List<String> probeCommand = new ArrayList<>(prefix);
    probeCommand.add("true");
    try {
      Process probe =
          new ProcessBuilder(probeCommand)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (probe.waitFor(5, TimeUnit.SECONDS) && probe.exitValue() == 0) {
        return prefix;
      }
      probe.destroyForcibly();
      LOG.warn("env --default-signal=INT does not work here: children keep SIGINT as it is");
    } catch (IOException e) {
      LOG.warn("no env to reset SIGINT for children ({}): they keep SIGINT as it is", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return List.of();
  }

  private static String javaExecutable() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }
}
