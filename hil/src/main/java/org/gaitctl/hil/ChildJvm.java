package org.gaitctl.hil;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a gaitctl child process: the running JVM's own {@code java} executable and
 * class path, the application's main class and the {@code --add-exports} options the launcher and
 * the build use. So children run from the jar and from Maven tests alike.
 */
public final class ChildJvm {

  /** What Agrona's buffers need (the jar's manifest says the same in Add-Exports). */
  static final String AGRONA_EXPORTS = "java.base/jdk.internal.misc=ALL-UNNAMED";

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

  /** {@code java [exports] -cp CLASSPATH MAIN args...} */
  List<String> command(List<String> args) {
    return command(List.of(), args);
  }

  /** {@code java OPTIONS [exports] -cp CLASSPATH MAIN args...} */
  List<String> command(List<String> jvmOptions, List<String> args) {
    List<String> command = new ArrayList<>();
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

  private static String javaExecutable() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }
}
