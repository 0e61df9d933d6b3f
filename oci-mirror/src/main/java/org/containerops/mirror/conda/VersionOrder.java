package org.containerops.mirror.conda;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * conda's version ordering ({@code conda.models.version.VersionOrder}), used to find the newest
 * package where upstream used {@code StrictVersion}/{@code packaging.Version} and aborted on
 * {@code 1.2.3.4}, {@code 2022a} or {@code 1.0_1}. Never throws for odd strings: every string orders.
 *
 * <p>Rules: optional {@code epoch!}, optional {@code +local}; parts split at {@code .}, {@code _},
 * {@code -}; each part split into number and letter runs, a part starting with letters gets a leading
 * 0; components order {@code dev} < other words (alphabetical) < numbers < {@code post}; missing
 * components count as 0. Immutable.
 */
public final class VersionOrder implements Comparable<VersionOrder> {
  private static final Pattern RUN = Pattern.compile("\\d+|[a-z]+|\\*");
  private final String text;
  private final BigInteger epoch;
  private final List<List<Comparable<?>>> version;
  private final List<List<Comparable<?>>> local;

  private VersionOrder(String text) {
    this.text = text;
    String v = text.strip().toLowerCase(Locale.ROOT);
    BigInteger e = BigInteger.ZERO;
    int bang = v.indexOf('!');
    if (bang > 0 && v.substring(0, bang).chars().allMatch(Character::isDigit)) {
      e = new BigInteger(v.substring(0, bang));
      v = v.substring(bang + 1);
    }
    this.epoch = e;
    int plus = v.indexOf('+');
    this.version = parts(plus >= 0 ? v.substring(0, plus) : v);
    this.local = parts(plus >= 0 ? v.substring(plus + 1) : "");
  }

  /** Parses any string. */
  public static VersionOrder of(String version) {
    return new VersionOrder(version);
  }

  private static List<List<Comparable<?>>> parts(String s) {
    List<List<Comparable<?>>> out = new ArrayList<>();
    if (s.isEmpty()) {
      return out;
    }
    for (String part : s.split("[._-]", -1)) {
      List<Comparable<?>> comps = new ArrayList<>();
      Matcher m = RUN.matcher(part);
      while (m.find()) {
        String run = m.group();
        comps.add(Character.isDigit(run.charAt(0)) ? new BigInteger(run) : run);
      }
      if (comps.isEmpty() || !(comps.get(0) instanceof BigInteger)) {
        comps.add(0, BigInteger.ZERO);
      }
      out.add(comps);
    }
    return out;
  }

  @Override
  public int compareTo(VersionOrder o) {
    int c = epoch.compareTo(o.epoch);
    if (c == 0) {
      c = compareParts(version, o.version);
    }
    return c != 0 ? c : compareParts(local, o.local);
  }

  private static int compareParts(List<List<Comparable<?>>> a, List<List<Comparable<?>>> b) {
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      List<Comparable<?>> x = i < a.size() ? a.get(i) : List.of(BigInteger.ZERO);
      List<Comparable<?>> y = i < b.size() ? b.get(i) : List.of(BigInteger.ZERO);
      for (int j = 0; j < Math.max(x.size(), y.size()); j++) {
        int c = compareComponent(j < x.size() ? x.get(j) : BigInteger.ZERO, j < y.size() ? y.get(j) : BigInteger.ZERO);
        if (c != 0) {
          return c;
        }
      }
    }
    return 0;
  }

  private static int compareComponent(Comparable<?> a, Comparable<?> b) {
    int ra = rank(a);
    int rb = rank(b);
    if (ra != rb) {
      return Integer.compare(ra, rb);
    }
    if (a instanceof BigInteger x && b instanceof BigInteger y) {
      return x.compareTo(y);
    }
    return ((String) a).compareTo((String) b);
  }

  private static int rank(Comparable<?> c) {
    if (c instanceof BigInteger) {
      return 3;
    }
    return switch ((String) c) {
      case "*" -> 0;
      case "dev" -> 1;
      case "post" -> 4;
      default -> 2;
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VersionOrder v && compareTo(v) == 0;
  }

  @Override
  public int hashCode() {
    return 0;  // equal versions may differ in text ("1.0" == "1.0.0"); ordering is what matters
  }

  @Override
  public String toString() {
    return text;
  }
}
