package org.containerops.it;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the run's {@link ItSession}: one per JUnit run (all classes share it: failsafe runs
 * them in one launcher session), closed by JUnit at the very end.
 */
public final class ItSessionExtension implements ParameterResolver {
  private static final Namespace NS = Namespace.create(ItSessionExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
    return p.getParameter().getType() == ItSession.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext c) {
    return c.getRoot().getStore(NS).computeIfAbsent(ItSession.class, k -> ItSession.open(), ItSession.class);
  }
}
