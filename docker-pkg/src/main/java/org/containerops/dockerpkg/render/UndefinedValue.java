package org.containerops.dockerpkg.render;

import com.hubspot.jinjava.util.HasObjectTruthValue;

/**
 * What an unknown template variable resolves to, like Jinja2's {@code StrictUndefined}: it may be
 * passed around ({@code {% set y = x %}}, {@code x is defined}, {@code x | default('a')}), but
 * printing it, testing its truth or turning it into a string fails the render with
 * {@link UndefinedVariableException}.
 */
final class UndefinedValue implements HasObjectTruthValue {
  private final String name;

  UndefinedValue(String name) {
    this.name = name;
  }

  String name() {
    return name;
  }

  @Override
  public boolean getObjectTruthValue() {
    throw new UndefinedVariableException(name);
  }

  /** @throws UndefinedVariableException always: an undefined variable has no text */
  @Override
  public String toString() {
    throw new UndefinedVariableException(name);
  }

  /** Raised when an undefined variable is used; the message is Jinja2's. */
  static final class UndefinedVariableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UndefinedVariableException(String name) {
      super("'" + name + "' is undefined");
    }
  }
}
