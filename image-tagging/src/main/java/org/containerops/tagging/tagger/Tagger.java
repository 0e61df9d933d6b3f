package org.containerops.tagging.tagger;

import java.util.function.Function;

/**
 * Computes one tag value, without platform or variant prefix: upstream's {@code TaggerInterface}
 * ({@code tagging/taggers/tagger_interface.py:7}). Implementations must be stateless.
 */
public interface Tagger {
  /** A stable name, upstream's function name (e.g. {@code python_tagger}); used in logs and hierarchy files. */
  String name();

  /**
   * @return the value, e.g. {@code python-3.11.2}
   * @throws org.containerops.tagging.api.TaggingException when a command fails or prints something unexpected
   */
  String value(TagInput input);

  /** A tagger from a name and a function. */
  static Tagger of(String name, Function<TagInput, String> fn) {
    return new Tagger() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String value(TagInput input) {
        return fn.apply(input);
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }
}
