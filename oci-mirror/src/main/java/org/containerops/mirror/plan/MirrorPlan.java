package org.containerops.mirror.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.containerops.mirror.conda.PackageFileName;
import org.containerops.mirror.conda.RepodataEntry;
import org.containerops.mirror.tags.TagCodec;

/**
 * Groups a subdir's repodata records into {@link PackageGroup}s and sets aside what cannot be pushed.
 * No I/O. Upstream: {@code find_packages} ({@code repo.py:333-367}).
 *
 * @param groups one per {@code repository:tag}, in repodata order of their first record
 * @param invalid records whose name or tag is not legal even after encoding, with the reason
 * @param selected number of records that passed the {@code --package} globs
 */
public record MirrorPlan(List<PackageGroup> groups, Map<String, String> invalid, int selected) {

  /**
   * Plans a subdir.
   *
   * @param channelSubdir {@code <channel>/<subdir>}, the repository prefix
   * @param globs fnmatch patterns on the record's {@code name}; empty = all
   */
  public static MirrorPlan of(String channelSubdir, List<RepodataEntry> entries, List<Glob> globs) {
    Map<String, List<RepodataEntry>> byRef = new LinkedHashMap<>();
    Map<String, String> invalid = new LinkedHashMap<>();
    int selected = 0;
    for (RepodataEntry e : entries) {
      if (!globs.isEmpty() && globs.stream().noneMatch(g -> g.matches(e.name()))) {
        continue;
      }
      selected++;
      PackageFileName f;
      try {
        f = PackageFileName.parse(e.fileName());
      } catch (IllegalArgumentException bad) {
        invalid.put(e.fileName(), bad.getMessage());
        continue;
      }
      String component = f.repositoryComponent();
      if (!TagCodec.isLegalRepositoryComponent(component)) {
        invalid.put(e.fileName(), "repository name " + component + " is not a legal OCI name");
        continue;
      }
      if (!TagCodec.isLegalTag(f.tag())) {
        invalid.put(e.fileName(), "tag " + f.tag() + " is not a legal OCI tag (" + TagCodec.OCI_TAG.pattern() + ")");
        continue;
      }
      byRef.computeIfAbsent(channelSubdir + "/" + component + ":" + f.tag(), k -> new ArrayList<>()).add(e);
    }
    List<PackageGroup> groups = new ArrayList<>();
    for (Map.Entry<String, List<RepodataEntry>> g : byRef.entrySet()) {
      List<RepodataEntry> es = new ArrayList<>(g.getValue());
      es.sort(Comparator.comparing(RepodataEntry::format));  // CONDA before TAR_BZ2
      // two records of one format (same file in both sections) collapse to one
      List<RepodataEntry> unique = new ArrayList<>();
      es.forEach(x -> {
        if (unique.stream().noneMatch(u -> u.format() == x.format())) {
          unique.add(x);
        }
      });
      int colon = g.getKey().lastIndexOf(':');
      PackageFileName f = unique.get(0).fileNameParts();
      groups.add(new PackageGroup(g.getKey().substring(0, colon), f.versionBuild(), f.tag(), unique));
    }
    return new MirrorPlan(List.copyOf(groups), Map.copyOf(invalid), selected);
  }
}
