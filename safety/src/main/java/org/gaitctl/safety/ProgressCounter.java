package org.gaitctl.safety;

/**
 * A count that only grows: a stage's processed sequence, the number of events published into the
 * ring, or the number of handler exceptions. Supplied by the integrator as a lambda.
 *
 * <p>Called on the supervisor's thread once per cycle; must not block or allocate.
 */
@FunctionalInterface
public interface ProgressCounter {

  long count();
}
