package dev.rocketport.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest, when there is one. */
final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Version.class.getPackage().getImplementationVersion();
    return new String[] {"rocketport " + (version != null ? version : "(development build)")};
  }
}
