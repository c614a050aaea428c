package org.gaitctl.safety;

/**
 * Where the supervisor gets a device's latest status. A {@link StatusPoller} is one; a later
 * version may read the status events of the ring instead.
 *
 * <p>Called on the supervisor's thread; must not block.
 */
@FunctionalInterface
public interface StatusSource<S> {

  PolledStatus<S> latest();
}
