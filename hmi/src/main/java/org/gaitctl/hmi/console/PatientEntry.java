package org.gaitctl.hmi.console;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.gaitctl.config.protocol.PatientLimits;

/**
 * The patient as typed into the setup view, checked as {@code gaitctl session} checks its options:
 * an identifier usable as a folder name, a body mass within {@link PatientLimits#BODY_MASS_KG}.
 *
 * @param patientId the identifier as typed, trimmed
 * @param bodyMassKg the body mass, kg; NaN when the text is not a number
 * @param problem what is wrong, for the operator; empty when both are valid
 */
public record PatientEntry(String patientId, double bodyMassKg, Optional<String> problem) {

  /** Letters, digits, '.', '_' and '-': the session's folder is named after it. */
  static final Pattern PATIENT_ID = Pattern.compile("[A-Za-z0-9._-]+");

  /** Parses the two fields of the setup view. */
  public static PatientEntry parse(String patientIdText, String bodyMassText) {
    String id = patientIdText.strip();
    double massKg = parseNumber(bodyMassText);
    Optional<String> problem = Optional.empty();
    if (!PATIENT_ID.matcher(id).matches()) {
      problem = Optional.of("Patient id: letters, digits, '.', '_' or '-'");
    } else if (Double.isNaN(massKg)) {
      problem = Optional.of("Body mass: a number in kg");
    } else if (!PatientLimits.BODY_MASS_KG.contains(massKg)) {
      problem =
          Optional.of(
              String.format(
                  Locale.ROOT,
                  "Body mass %s kg is outside %s kg",
                  ConsoleFormat.number(massKg, 1),
                  PatientLimits.BODY_MASS_KG));
    }
    return new PatientEntry(id, massKg, problem);
  }

  public boolean valid() {
    return problem.isEmpty();
  }

  private static double parseNumber(String text) {
    try {
      return Double.parseDouble(text.strip().replace(',', '.'));
    } catch (NumberFormatException notANumber) {
      // The operator is still typing: the view says what is expected.
      return Double.NaN;
    }
  }
}
