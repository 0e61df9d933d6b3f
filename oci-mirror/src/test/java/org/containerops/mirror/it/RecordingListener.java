package org.containerops.mirror.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.containerops.mirror.api.MirrorListener;

/** Records events for assertions. */
class RecordingListener implements MirrorListener {
  final List<String> warnings = new CopyOnWriteArrayList<>();
  final List<String> failures = new CopyOnWriteArrayList<>();
  final List<String> blobs = new CopyOnWriteArrayList<>();
  final List<String> manifests = new CopyOnWriteArrayList<>();
  final List<String> pushed = new CopyOnWriteArrayList<>();

  @Override
  public void warning(String message) {
    warnings.add(message);
  }

  @Override
  public void failed(String file, String message) {
    failures.add(message);
  }

  @Override
  public void blobUploaded(String repository, String digest, long bytes) {
    blobs.add(repository + "@" + digest);
  }

  @Override
  public void manifestPushed(String ref) {
    manifests.add(ref);
  }

  @Override
  public void pushed(String ref, List<String> files, long bytes) {
    pushed.add(ref);
  }
}
