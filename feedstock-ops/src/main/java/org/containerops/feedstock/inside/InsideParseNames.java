package org.containerops.feedstock.inside;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.containerops.feedstock.recipe.FeedstockNamesParser;
import org.containerops.feedstock.recipe.ParsedNames;

/**
 * The container side of {@code parse-package-and-feedstock-names} ({@code __main__.py:271-303}), native:
 * no conda-build; the one {@code *-feedstock} dir in the mount is read in place. A feedstock without
 * variant files gets a {@code WARNING:} line on stderr.
 */
public final class InsideParseNames {
  private InsideParseNames() {}

  /** @return {@code {"feedstock_name": str, "package_names": set, "subdirs": set}} (sets as upstream encodes them) */
  public static Map<String, Object> run(Path opsDir) throws IOException {
    Path feedstock = OpsDir.oneFeedstock(opsDir);
    FeedstockNamesParser.warnings(feedstock).forEach(w -> System.err.println("WARNING: " + w));
    ParsedNames n = FeedstockNamesParser.parse(feedstock);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("feedstock_name", n.feedstockName());
    data.put("package_names", n.packageNames());
    data.put("subdirs", n.subdirs());
    return data;
  }
}
