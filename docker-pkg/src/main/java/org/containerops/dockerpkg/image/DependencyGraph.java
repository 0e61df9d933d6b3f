package org.containerops.dockerpkg.image;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.containerops.dockerpkg.api.DockerPkgException;
import org.containerops.dockerpkg.api.DockerPkgException.Reason;

/**
 * Dependencies between the images of a tree, from {@code control} files only (upstream
 * builder.py:299-339); dependencies naming no image of the tree are left out of the graph.
 *
 * <p>Upstream's order was a DFS over a Python set and changed between runs; here it is a
 * topological order where every dependency comes before its dependents and, among images that
 * are ready at the same time, names sort ascending. A cycle is an error that names it (upstream
 * recursed until {@code RecursionError}).
 */
public final class DependencyGraph {
  private final ImageTree tree;
  /** name to in-tree dependency names, sorted. */
  private final Map<String, Set<String>> deps = new TreeMap<>();
  /** name to in-tree dependent names, sorted. */
  private final Map<String, Set<String>> dependents = new TreeMap<>();
  private final List<ImageDefinition> order;

  /**
   * @param tree the scanned images
   * @throws DockerPkgException reason CYCLE, e.g. {@code dependency cycle: a -> b -> a} (a
   *     depends on b, b on a)
   */
  public DependencyGraph(ImageTree tree) {
    this.tree = tree;
    for (ImageDefinition image : tree.images()) {
      deps.put(image.name(), new TreeSet<>());
      dependents.put(image.name(), new TreeSet<>());
    }
    for (ImageDefinition image : tree.images()) {
      for (String dep : image.depends()) {
        if (deps.containsKey(dep)) {
          deps.get(image.name()).add(dep);
          dependents.get(dep).add(image.name());
        }
      }
    }
    this.order = topologicalOrder();
  }

  /** @return every image, dependencies first, ties by name; same on every run */
  public List<ImageDefinition> buildOrder() {
    return order;
  }

  /**
   * The images to build for a selection (upstream {@code build_chain}): the selected images and
   * all their in-tree dependencies, transitively, in {@link #buildOrder()}.
   */
  public List<ImageDefinition> buildChain(Predicate<ImageDefinition> selected) {
    Set<String> wanted = new TreeSet<>();
    tree.images().stream().filter(selected).forEach(i -> collect(i.name(), deps, wanted));
    return order.stream().filter(i -> wanted.contains(i.name())).toList();
  }

  /**
   * The images an update of {@code names} touches (upstream {@code images_to_update} /
   * {@code all_children}): those images and everything that depends on them, transitively.
   *
   * @return in {@link #buildOrder()}
   */
  public List<ImageDefinition> withDependents(Collection<String> names) {
    Set<String> wanted = new TreeSet<>();
    names.forEach(n -> collect(n, dependents, wanted));
    return order.stream().filter(i -> wanted.contains(i.name())).toList();
  }

  /** @return in-tree dependencies of {@code name}, sorted; empty for an unknown name */
  public Set<String> dependenciesOf(String name) {
    return Set.copyOf(deps.getOrDefault(name, Set.of()));
  }

  private static void collect(String start, Map<String, Set<String>> edges, Set<String> out) {
    Deque<String> todo = new ArrayDeque<>(List.of(start));
    while (!todo.isEmpty()) {
      String n = todo.pop();
      if (edges.containsKey(n) && out.add(n)) {
        todo.addAll(edges.get(n));
      }
    }
  }

  private List<ImageDefinition> topologicalOrder() {
    Map<String, Integer> missing = new HashMap<>();
    TreeSet<String> ready = new TreeSet<>();
    deps.forEach((n, d) -> {
      missing.put(n, d.size());
      if (d.isEmpty()) {
        ready.add(n);
      }
    });
    List<ImageDefinition> out = new ArrayList<>();
    while (!ready.isEmpty()) {
      String n = ready.pollFirst();
      out.add(tree.find(n).orElseThrow());
      for (String child : dependents.get(n)) {
        if (missing.merge(child, -1, Integer::sum) == 0) {
          ready.add(child);
        }
      }
    }
    if (out.size() < deps.size()) {
      List<String> cycle = findCycle(missing);
      throw new DockerPkgException(Reason.CYCLE, tree.find(cycle.get(0)).map(ImageDefinition::dir).orElse(null),
          "dependency cycle: " + String.join(" -> ", cycle));
    }
    return List.copyOf(out);
  }

  /** Walks unfinished images along unfinished dependencies until one repeats. */
  private List<String> findCycle(Map<String, Integer> missing) {
    Predicate<String> stuck = n -> missing.get(n) > 0;
    String n = deps.keySet().stream().filter(stuck).findFirst().orElseThrow();
    LinkedHashSet<String> path = new LinkedHashSet<>();
    while (path.add(n)) {
      n = deps.get(n).stream().filter(stuck).findFirst().orElseThrow();
    }
    List<String> cycle = new ArrayList<>();
    boolean in = false;
    for (String p : path) {
      in |= p.equals(n);
      if (in) {
        cycle.add(p);
      }
    }
    cycle.add(n);
    return cycle;
  }
}
