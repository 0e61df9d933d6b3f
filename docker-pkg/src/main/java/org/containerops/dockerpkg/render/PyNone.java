package org.containerops.dockerpkg.render;

import com.hubspot.jinjava.util.HasObjectTruthValue;

/**
 * Python's {@code None} inside templates: a YAML null in the config becomes this sentinel so that
 * it is a defined variable (jinjava's strict mode treats a null result as unknown), is falsy in
 * {@code {% if %}}, and prints {@code None} as Jinja2 does ({@code {{ username }}}).
 */
public final class PyNone implements HasObjectTruthValue {
  /** The only instance. */
  public static final PyNone NONE = new PyNone();

  private PyNone() {}

  @Override
  public boolean getObjectTruthValue() {
    return false;
  }

  @Override
  public String toString() {
    return "None";
  }
}
