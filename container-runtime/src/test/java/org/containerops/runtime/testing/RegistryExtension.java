package org.containerops.runtime.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link LocalRegistry} without auth, one per test class (closed by JUnit afterwards,
 * storage deleted). A registry that cannot start fails the test, never skips it. For auth, call
 * {@link LocalRegistry#startWithAuth} in a try-with-resources.
 */
public final class RegistryExtension implements ParameterResolver {
  private static final Namespace NS = Namespace.create(RegistryExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
    return p.getParameter().getType() == LocalRegistry.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext c) {
    ExtensionContext classContext = c.getTestClass().isPresent() && c.getParent().isPresent()
        && c.getTestMethod().isPresent() ? c.getParent().get() : c;
    return classContext.getStore(NS).computeIfAbsent(LocalRegistry.class, k -> LocalRegistry.startPlain(),
        LocalRegistry.class);
  }
}
