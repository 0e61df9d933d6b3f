package org.containerops.tagging.manifest;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The {@code docker images --format {{.Size}}} text upstream puts in the build info
 * ({@code build_info.py:34-42}): Docker's {@code units.HumanSizeWithPrecision(size, 3)}, base 1000, units
 * {@code B kB MB GB TB PB EB ZB YB}, Go {@code %.3g} (so {@code 363MB}, {@code 1.23GB}, {@code 1e+03kB}).
 */
public final class ImageSize {
  private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};

  private ImageSize() {}

  /** The human size of {@code bytes}. */
  public static String human(long bytes) {
    double size = bytes;
    int i = 0;
    while (size >= 1000.0 && i < UNITS.length - 1) {
      size /= 1000.0;
      i++;
    }
    return goG(size, 3) + UNITS[i];
  }

  /** Go's {@code fmt.Sprintf("%.*g", precision, v)} for a finite non-negative {@code v}. */
  static String goG(double v, int precision) {
    if (v == 0) {
      return "0";
    }
    BigDecimal rounded = new BigDecimal(v).round(new MathContext(precision, RoundingMode.HALF_EVEN));
    int exponent = rounded.precision() - rounded.scale() - 1;
    if (exponent < -4 || exponent >= precision) {
      BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
      String m = mantissa.toPlainString();
      String sign = exponent < 0 ? "-" : "+";
      int abs = Math.abs(exponent);
      return m + "e" + sign + (abs < 10 ? "0" : "") + abs;
    }
    String plain = rounded.stripTrailingZeros().toPlainString();
    return plain;
  }
}
