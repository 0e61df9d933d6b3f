package org.containerops.mirror.registry;

import java.time.Duration;
import java.util.List;

/**
 * Timeout per request and back-off delays between attempts (attempts = delays + 1). Upstream retries
 * with {@code 2 + 3**n} s = 3, 5, 11, 29, 83 s and then once more ({@code decorators.py:22-68}) but has
 * no timeouts at all.
 *
 * @param timeout per request; blob transfers get 1 s more per MiB
 * @param delays sleeps before attempt 2, 3, ...; may be empty (one attempt)
 */
public record RetryPolicy(Duration timeout, List<Duration> delays) {
  /** Upstream's schedule with a 60 s request timeout. */
  public static final RetryPolicy UPSTREAM = new RetryPolicy(Duration.ofSeconds(60),
      List.of(Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(11), Duration.ofSeconds(29),
          Duration.ofSeconds(83)));

  public RetryPolicy {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout: want > 0, got " + timeout);
    }
    delays = List.copyOf(delays);
  }

  /** True for statuses worth retrying: none (I/O error), 408, 429 and 5xx; never other 4xx. */
  public static boolean retryable(int status) {
    return status == 0 || status == 408 || status == 429 || status >= 500;
  }
}
