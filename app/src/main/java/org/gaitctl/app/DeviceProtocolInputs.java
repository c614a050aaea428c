package org.gaitctl.app;

import org.gaitctl.core.gait.Side;
import org.gaitctl.core.pipeline.DisplaySnapshot;
import org.gaitctl.core.pipeline.StepSubscription;
import org.gaitctl.core.pipeline.UnloadingStatus;
import org.gaitctl.core.port.BwsStatus;
import org.gaitctl.core.port.DriveStatus;
import org.gaitctl.safety.PolledStatus;
import org.gaitctl.session.protocol.MeasuredState;
import org.gaitctl.session.protocol.ProtocolInputs;

/**
 * The protocol executor's measurements from a {@link DeviceSession}: the belt speed from the drive
 * poller, the filtered load-cell unloading and the latest heel strike from the pipeline's snapshot,
 * HOLD from the BWS poller, and the steps from its own subscription to the step feed (drained on
 * the session thread).
 */
final class DeviceProtocolInputs implements ProtocolInputs {

  private static final int STEP_QUEUE_CAPACITY = 64;

  private final DeviceSession devices;
  private final DisplaySnapshot snapshot = new DisplaySnapshot();
  private final StepSubscription steps;

  DeviceProtocolInputs(DeviceSession devices) {
    this.devices = devices;
    this.steps = devices.pipeline().steps().subscribe("protocol executor", STEP_QUEUE_CAPACITY);
  }

  @Override
  public void read(MeasuredState into) {
    PolledStatus<DriveStatus> drive = devices.safety().drivePoller().latest();
    into.beltSpeedMps = drive.lastGood() == null ? Double.NaN : drive.lastGood().speedMps();
    PolledStatus<BwsStatus> bws = devices.safety().bwsPoller().latest();
    into.harnessHeld = bws.lastGood() != null && bws.lastGood().holding();
    // A torn read keeps the last value: its sample time ages, and the loop sees a late stream.
    if (devices.pipeline().snapshots().readInto(snapshot)) {
      boolean valid = snapshot.unloadingStatus() == UnloadingStatus.VALID;
      into.loadCellN = valid ? snapshot.measuredUnloadingN() : Double.NaN;
      into.loadCellSampleNs = snapshot.unloadingUpdatedNs();
      into.lastLeftHeelStrikeNs = snapshot.lastHeelStrikeNs(Side.LEFT);
    }
  }

  @Override
  public void drainSteps(StepConsumer consumer) {
    steps.drain((step, symmetry, frameArrivalNs) -> consumer.accept(step, symmetry));
  }

  @Override
  public void release() {
    devices.pipeline().steps().unsubscribe(steps);
  }
}
