package org.gaitctl.hmi.feedback;

import java.awt.Dimension;
import java.awt.GraphicsDevice;
import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;

/**
 * The patient's window: full screen on a second display where there is one (facing the patient, the
 * therapist keeping the first), else an ordinary window. The console opens it and feeds it states
 * at its refresh rate; the patient cannot close it (it has no decorations full screen, and closing
 * an ordinary window only hides it): the console does.
 *
 * <p>{@link #update} takes a state from any thread and never blocks: it keeps the latest and
 * schedules one hand-over to the EDT, so updates faster than the EDT draws are merged, not queued.
 */
public final class PatientFeedbackWindow {

  static final String TITLE = "gaitctl: patient feedback";

  /** Size of the ordinary window, px: a quarter of a common 1920×1080 screen and some. */
  static final Dimension WINDOWED_SIZE = new Dimension(1024, 768);

  private final JFrame frame;
  private final PatientFeedbackPanel panel;
  private final AtomicReference<PatientFeedbackState> latest = new AtomicReference<>();
  private final AtomicBoolean handOverPending = new AtomicBoolean();
  private GraphicsDevice fullScreenDevice;

  /**
   * Builds the window, hidden; EDT only.
   *
   * @param initial what it shows until the first update
   */
  public PatientFeedbackWindow(PatientFeedbackState initial) {
    requireEdt();
    frame = new JFrame(TITLE);
    panel = new PatientFeedbackPanel();
    frame.setDefaultCloseOperation(WindowConstants.HIDE_ON_CLOSE);
    frame.setContentPane(panel);
    panel.show(Objects.requireNonNull(initial, "initial"));
  }

  /**
   * Shows the window: full screen on the first display that is not the default one, where there is
   * one and it supports full screen; else as an ordinary window (maximised on that display when it
   * does not support full screen). Once placed, showing again (after the window was closed) keeps
   * the place. EDT only.
   */
  public void show() {
    requireEdt();
    if (frame.isDisplayable()) {
      frame.setVisible(true);
      return;
    }
    GraphicsEnvironment environment = GraphicsEnvironment.getLocalGraphicsEnvironment();
    Optional<GraphicsDevice> second =
        SecondDisplay.choose(
            Arrays.asList(environment.getScreenDevices()), environment.getDefaultScreenDevice());
    if (second.isEmpty()) {
      frame.setSize(WINDOWED_SIZE);
      frame.setLocationRelativeTo(null);
      frame.setVisible(true);
      return;
    }
    GraphicsDevice device = second.get();
    if (device.isFullScreenSupported()) {
      frame.setUndecorated(true);
      device.setFullScreenWindow(frame);
      fullScreenDevice = device;
    } else {
      frame.setBounds(device.getDefaultConfiguration().getBounds());
      frame.setExtendedState(JFrame.MAXIMIZED_BOTH);
      frame.setVisible(true);
    }
  }

  /** True when shown full screen on a second display; EDT only. */
  public boolean isFullScreen() {
    requireEdt();
    return fullScreenDevice != null;
  }

  /** Shows {@code state} from any thread; never blocks. */
  public void update(PatientFeedbackState state) {
    latest.set(Objects.requireNonNull(state, "state"));
    if (handOverPending.compareAndSet(false, true)) {
      SwingUtilities.invokeLater(this::showLatest);
    }
  }

  /** Leaves full screen and releases the window; EDT only. */
  public void dispose() {
    requireEdt();
    if (fullScreenDevice != null) {
      fullScreenDevice.setFullScreenWindow(null);
      fullScreenDevice = null;
    }
    frame.dispose();
  }

  /** The window itself, for the console to place or test; EDT only. */
  public JFrame frame() {
    requireEdt();
    return frame;
  }

  private void showLatest() {
    handOverPending.set(false);
    panel.show(latest.get());
  }

  private static void requireEdt() {
    if (!SwingUtilities.isEventDispatchThread()) {
      throw new IllegalStateException("the patient feedback window is used on the EDT only");
    }
  }
}
