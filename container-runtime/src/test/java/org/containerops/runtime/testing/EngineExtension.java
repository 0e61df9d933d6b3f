package org.containerops.runtime.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.github.dockerjava.api.model.Container;
import java.util.List;
import org.containerops.runtime.ContainerRuntime;
import org.containerops.runtime.engine.ContainerTracker;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link ContainerRuntime} on the real engine, one per test run (closed by JUnit at the
 * end). No engine is a failure, never a skip: the error says how to start one.
 *
 * <p>After each test class it checks that no container of this runtime's session is left (running
 * or stopped); any leftover fails the class, naming the containers, and is removed.
 *
 * <pre>{@code @ExtendWith(EngineExtension.class) class RunIT { @Test void x(ContainerRuntime rt) {...} } }</pre>
 */
public final class EngineExtension implements ParameterResolver, AfterAllCallback {
  private static final Namespace NS = Namespace.create(EngineExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
    return p.getParameter().getType() == ContainerRuntime.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext c) {
    return runtime(c);
  }

  /** The shared runtime of this test run. */
  public static ContainerRuntime runtime(ExtensionContext c) {
    return c.getRoot().getStore(NS).computeIfAbsent(ContainerRuntime.class, k -> ContainerRuntime.connect(),
        ContainerRuntime.class);
  }

  @Override
  public void afterAll(ExtensionContext c) {
    ContainerRuntime runtime = c.getRoot().getStore(NS).get(ContainerRuntime.class, ContainerRuntime.class);
    if (runtime == null) {
      return;
    }
    runtime.awaitRemovals();
    List<Container> left = ContainerTracker.listOurs(runtime.client(), runtime.sessionId());
    if (!left.isEmpty()) {
      ContainerTracker.reap(runtime.client(), runtime.sessionId());
      fail(c.getDisplayName() + " left " + left.size() + " container(s) behind: "
          + left.stream().map(x -> ContainerTracker.shortId(x.getId()) + " " + x.getImage() + " " + x.getState())
              .toList());
    }
  }
}
