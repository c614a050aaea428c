package org.gaitctl.app;

import picocli.CommandLine.IVersionProvider;

/** Version from the jar manifest (or "development" when run from classes). */
final class GaitctlVersion implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = GaitctlCommand.class.getPackage().getImplementationVersion();
    return new String[] {"gaitctl " + (version == null ? "development build" : version)};
  }
}
