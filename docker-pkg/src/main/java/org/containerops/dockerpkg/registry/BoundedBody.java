package org.containerops.dockerpkg.registry;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.containerops.runtime.transfer.TransferException;

/**
 * Collects a response body of at most {@code maxBytes} bytes; one byte more cancels the download and
 * fails with a {@link TransferException} naming {@code what} and the bound (issue 17 §4: a registry
 * cannot make docker-pkg read an endless body). The caller bounds the time with a deadline on the
 * whole exchange.
 */
final class BoundedBody implements BodySubscriber<byte[]> {
  private final long maxBytes;
  private final String what;
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private Flow.Subscription subscription;

  /**
   * @param maxBytes the most bytes accepted, at least 0
   * @param what the body's name for the error, e.g. {@code manifest of ns/app:1.0}
   */
  BoundedBody(long maxBytes, String what) {
    this.maxBytes = maxBytes;
    this.what = what;
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer b : items) {
      if (bytes.size() + (long) b.remaining() > maxBytes) {
        subscription.cancel();
        result.completeExceptionally(new TransferException(what + " is larger than " + maxBytes + " bytes"));
        return;
      }
      byte[] chunk = new byte[b.remaining()];
      b.get(chunk);
      bytes.writeBytes(chunk);
    }
  }

  @Override
  public void onError(Throwable t) {
    result.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    result.complete(bytes.toByteArray());
  }
}
