package org.gaitctl.core.journal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a journal says about its session before the first sample: written as {@link
 * JournalRecordType#METADATA} records right after the file header, in this order.
 *
 * @param softwareVersion gaitctl's version
 * @param deviceProfileYaml the device profile's text as loaded
 * @param protocolYaml the therapy protocol's text, empty for a monitor run
 * @param patientId the patient's identifier, empty when none was given
 * @param bodyMassKg the patient's body mass, kg
 * @param startWallClock when the session started, UTC
 */
public record JournalMetadata(
    String softwareVersion,
    String deviceProfileYaml,
    String protocolYaml,
    String patientId,
    double bodyMassKg,
    Instant startWallClock) {

  public static final String SOFTWARE_VERSION = "software.version";
  public static final String DEVICE_PROFILE = "device.profile.yaml";
  public static final String PROTOCOL = "protocol.yaml";
  public static final String PATIENT_ID = "patient.id";
  public static final String BODY_MASS_KG = "patient.bodyMassKg";
  public static final String START_WALL_CLOCK = "session.start";
  public static final String RAW_FRAMES = "journal.rawFrames";

  public JournalMetadata {
    Objects.requireNonNull(softwareVersion, "softwareVersion");
    Objects.requireNonNull(deviceProfileYaml, "deviceProfileYaml");
    Objects.requireNonNull(protocolYaml, "protocolYaml");
    Objects.requireNonNull(patientId, "patientId");
    Objects.requireNonNull(startWallClock, "startWallClock");
  }

  /** The records' keys and values in file order; {@code rawFrames} as the journal writes them. */
  Map<String, String> entries(boolean rawFrames) {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put(SOFTWARE_VERSION, softwareVersion);
    entries.put(START_WALL_CLOCK, startWallClock.toString());
    entries.put(PATIENT_ID, patientId);
    entries.put(BODY_MASS_KG, Double.toString(bodyMassKg));
    entries.put(RAW_FRAMES, Boolean.toString(rawFrames));
    entries.put(DEVICE_PROFILE, deviceProfileYaml);
    entries.put(PROTOCOL, protocolYaml);
    return entries;
  }
}
