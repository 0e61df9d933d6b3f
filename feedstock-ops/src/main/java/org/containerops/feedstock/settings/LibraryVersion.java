package org.containerops.feedstock.settings;

import java.util.Optional;

/** This library's version from the jar manifest; {@code latest} in a development build. */
public final class LibraryVersion {
  private LibraryVersion() {}

  /** The {@code Implementation-Version}, or {@code latest}. */
  public static String get() {
    return Optional.ofNullable(LibraryVersion.class.getPackage().getImplementationVersion()).orElse("latest");
  }
}
