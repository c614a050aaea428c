package org.gaitctl.core.command;

/**
 * Whether a command that can move the patient may reach the devices now: granted by the safety
 * supervisor only while it runs a session (RUNNING) and withdrawn before its first stop command, so
 * no path through the {@link CommandGate} can start, speed up, tilt or unload outside RUNNING.
 */
@FunctionalInterface
public interface MotionPermit {

  /** Any thread; never blocks. */
  boolean motionPermitted();
}
