package org.containerops.dockerpkg.registry;

import org.containerops.dockerpkg.image.ImageLabel;

/**
 * Asks the registry whether an image's manifest exists (upstream builder.py:107-124). Must be
 * thread-safe; must not throw for network trouble, which is {@link Presence.Status#UNKNOWN}.
 */
@FunctionalInterface
public interface RegistryProbe {
  /** A probe for a tree without registry: every image is absent (upstream's {@code registry: ""}). */
  RegistryProbe NONE = label -> Presence.absent();

  /** @return whether {@code label}'s {@code name:tag} is in the registry */
  Presence probe(ImageLabel label);

  /**
   * The answer of one probe.
   *
   * @param status present, absent, or unknown (unreachable, timed out, refused credentials)
   * @param detail why it is unknown, one line without secrets; empty otherwise
   */
  record Presence(Status status, String detail) {
    /** What the registry said. */
    public enum Status { PRESENT, ABSENT, UNKNOWN }

    /** @return the manifest exists */
    public static Presence present() {
      return new Presence(Status.PRESENT, "");
    }

    /** @return the manifest does not exist */
    public static Presence absent() {
      return new Presence(Status.ABSENT, "");
    }

    /** @return the registry could not tell, because of {@code detail} */
    public static Presence unknown(String detail) {
      return new Presence(Status.UNKNOWN, detail);
    }
  }
}
