package org.containerops.runtime.transfer;

import java.io.IOException;

/**
 * A download that broke its declared bounds: more bytes than declared or allowed, fewer than declared,
 * or a digest other than the declared one. The message names what was being read ({@code what}); it
 * never carries the body.
 */
public final class TransferException extends IOException {
  private static final long serialVersionUID = 1L;

  /** @param message names what was read, the bound and what arrived */
  public TransferException(String message) {
    super(message);
  }
}
