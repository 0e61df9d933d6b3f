package org.containerops.mirror.tags;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The tags of one package repository, for the "already mirrored?" check. A package counts as present
 * when its encoded tag is there, or a tag that decodes to the same {@code version-build} (upstream mixed
 * encoded and decoded tags and cached them across subdirs, {@code repo.py:381-391}; one instance here
 * belongs to exactly one repository). Immutable.
 */
public final class TagSet {
  private final Set<String> raw;
  private final Set<String> decoded = new HashSet<>();

  /** @param tags the registry's tags as listed (encoded) */
  public TagSet(Collection<String> tags) {
    this.raw = Set.copyOf(tags);
    raw.forEach(t -> decoded.add(TagCodec.decode(t)));
  }

  /** True when {@code encodedTag} or its decoded form is present. */
  public boolean has(String encodedTag) {
    return raw.contains(encodedTag) || decoded.contains(TagCodec.decode(encodedTag));
  }

  /** Number of tags. */
  public int size() {
    return raw.size();
  }
}
