package org.containerops.tagging;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.containerops.runtime.ContainerRuntime;
import org.containerops.tagging.api.ApplyTagsResult;
import org.containerops.tagging.api.ApplyTagsSpec;
import org.containerops.tagging.api.HookResult;
import org.containerops.tagging.api.MergeTagsResult;
import org.containerops.tagging.api.MergeTagsSpec;
import org.containerops.tagging.api.Platform;
import org.containerops.tagging.api.TaggingException;
import org.containerops.tagging.api.TaggingListener;
import org.containerops.tagging.api.TargetImage;
import org.containerops.tagging.api.WriteManifestResult;
import org.containerops.tagging.api.WriteManifestSpec;
import org.containerops.tagging.api.WriteTagsResult;
import org.containerops.tagging.api.WriteTagsSpec;
import org.containerops.tagging.git.GitInfo;
import org.containerops.tagging.hierarchy.ImageHierarchy;
import org.containerops.tagging.manifest.BuildInfo;
import org.containerops.tagging.merge.MergedTags;
import org.containerops.tagging.merge.TagMerger;
import org.containerops.tagging.output.OutputFormats;
import org.containerops.tagging.registry.RegistryClient;
import org.containerops.tagging.runner.ImageRunner;
import org.containerops.tagging.runner.OrderedTasks;

/**
 * docker-stacks' {@code tagging/} apps as a library. One container per image and call runs every tagger
 * and manifest ({@link ImageRunner}, {@link ImageTasks}). Clock, git commit, platform and hierarchy are
 * injected (defaults: system UTC clock, the repository at the working directory, the host platform,
 * upstream's Jupyter tree), so output is reproducible. The build timestamp is taken once, when this
 * object is built, and shared by manifest and history line (upstream: at module import). Closing it
 * closes the runtime when it connected one itself.
 */
public final class ImageTagging implements AutoCloseable {
  /** Default number of commands run at once in one container. */
  public static final int DEFAULT_PARALLELISM = 4;
  private final Supplier<ContainerRuntime> runtimeSupplier;
  private final boolean ownsRuntime;
  private ContainerRuntime runtime;
  private final Clock clock;
  private final Supplier<GitInfo> gitSupplier;
  private GitInfo git;
  private final Platform platform;
  private final ImageHierarchy hierarchy;
  private final TaggingListener listener;
  private final RegistryClient registry;
  private final ImageTasks tasks;
  private final LocalImages localImages;
  private final String buildTimestamp;
  private final ImageFiles files;
  private final int parallelism;

  private ImageTagging(Builder b) {
    this.ownsRuntime = b.runtime == null;
    this.runtime = b.runtime;
    this.runtimeSupplier = ContainerRuntime::connect;
    this.clock = b.clock;
    this.gitSupplier = b.git != null ? () -> b.git : () -> GitInfo.discover(b.repoDir);
    this.platform = b.platform;
    this.hierarchy = b.hierarchy;
    this.listener = b.listener;
    this.registry = new RegistryClient(b.plainHttp, b.maxManifestBytes);
    this.parallelism = b.parallelism;
    this.tasks = new ImageTasks(b.listener, b.parallelism, this::runtime, this::git, clock, b.commandTimeout);
    this.localImages = new LocalImages(this::runtime);
    java.time.Instant now = clock.instant();
    this.buildTimestamp = BuildInfo.timestamp(now);
    this.files = new ImageFiles(platform, now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), buildTimestamp,
        localImages, listener);
  }

  /** A builder with the defaults described on the class. */
  public static Builder builder() {
    return new Builder();
  }

  /** The build timestamp of this instance, e.g. {@code 2026-11-22T02:14:12Z}. */
  public String buildTimestamp() {
    return buildTimestamp;
  }

  /** The platform tags and file names use. */
  public Platform platform() {
    return platform;
  }

  /**
   * The tag values of {@code image}'s taggers (hierarchy order, no prefix), computed in one container.
   *
   * @throws TaggingException naming the failing tagger, the image and the command
   */
  public List<String> tagValues(TargetImage target) {
    return tasks.runInImage(target, hierarchy.taggers(target.image()), List.of(), false, ImageTasks.Outcome::values);
  }

  /** Upstream {@code write_tags_file}: tags file {@code {platform}-{variant}-{image}.txt}, no trailing newline. */
  public WriteTagsResult writeTagsFile(WriteTagsSpec spec) {
    TargetImage t = spec.target();
    return tasks.runInImage(t, hierarchy.taggers(t.image()), List.of(), false, o -> {
      long t0 = System.nanoTime();
      WriteTagsResult r = files.tagsFile(t, spec.tagsDir(), o.values());
      phase("files", t0);
      return r;
    });
  }

  /**
   * Upstream {@code write_manifest}: history line and manifest, from one container (taggers re-run for the
   * history line), plus the CycloneDX SBOM when {@link WriteManifestSpec#sbom()}. The files are written
   * only when everything succeeded.
   */
  public WriteManifestResult writeManifest(WriteManifestSpec spec) {
    TargetImage t = spec.target();
    return tasks.runInImage(t, hierarchy.taggers(t.image()), hierarchy.manifests(t.image()), spec.sbom(), o -> {
      long t0 = System.nanoTime();
      WriteManifestResult r = files.manifestFiles(spec, git(), o);
      phase("files", t0);
      return r;
    });
  }

  /**
   * Upstream's {@code make hook/IMAGE} ({@code Makefile:112-135}) in one container: the taggers run once (their
   * values make both the tags file and the history line; upstream's two apps run them twice, in two
   * containers), with the manifests and the SBOM listing in the same pool; then the files are written and
   * the tags applied.
   *
   * @param tagsDir where the tags file goes ({@code write_tags_file --tags-dir})
   * @throws TaggingException as {@link #writeTagsFile}, {@link #writeManifest} and {@link #applyTags}
   */
  public HookResult hook(WriteManifestSpec spec, Path tagsDir) {
    TargetImage t = spec.target();
    return tasks.runInImage(t, hierarchy.taggers(t.image()), hierarchy.manifests(t.image()), spec.sbom(), o -> {
      long t0 = System.nanoTime();
      WriteTagsResult tags = files.tagsFile(t, tagsDir, o.values());
      WriteManifestResult manifest = files.manifestFiles(spec, git(), o);
      phase("files", t0);
      t0 = System.nanoTime();
      ApplyTagsResult applied = applyTags(new ApplyTagsSpec(t, platform, tagsDir));
      phase("apply tags", t0);
      return new HookResult(tags, manifest, applied);
    });
  }

  private void phase(String name, long startNanos) {
    listener.phase(name, Duration.ofNanos(System.nanoTime() - startNanos));
  }

  /** Upstream {@code apply_tags}: {@code docker tag registry/owner/image TAG} for every line of the tags file. */
  public ApplyTagsResult applyTags(ApplyTagsSpec spec) {
    TargetImage t = spec.target();
    Path file = spec.tagsDir().resolve(OutputFormats.tagsFileName(spec.platform(), t.variant(), t.image()));
    List<String> tags = MergedTags.lines(file);
    String source = t.localLatest();
    List<Supplier<String>> jobs = new java.util.ArrayList<>();
    for (String tag : tags) {
      jobs.add(() -> {
        localImages.tag(source, tag);
        listener.tagApplied(source, tag);
        return tag;
      });
    }
    OrderedTasks.run(jobs, parallelism); // independent engine calls; the first failure in file order is thrown
    return new ApplyTagsResult(tags);
  }

  /** Upstream {@code merge_tags}, through the registry API; see {@link TagMerger#merge}. */
  public MergeTagsResult mergeTags(MergeTagsSpec spec) {
    return new TagMerger(registry, listener).merge(spec, spec.push() ? null : git());
  }

  /** Upstream {@code calculate_image_ref}; see {@link TagMerger#imageRef}. */
  public Optional<String> imageRef(MergeTagsSpec spec) {
    return new TagMerger(registry, listener).imageRef(spec);
  }

  private GitInfo git() {
    synchronized (gitSupplier) { // not this: git is read while another thread connects the runtime
      if (git == null) {
        git = gitSupplier.get();
      }
      return git;
    }
  }

  private synchronized ContainerRuntime runtime() {
    if (runtime == null) {
      runtime = runtimeSupplier.get();
    }
    return runtime;
  }

  /** Closes the runtime when this instance connected it; idempotent. */
  @Override
  public synchronized void close() {
    if (ownsRuntime && runtime != null) {
      runtime.close();
      runtime = null;
    }
  }

  /** Builds an {@link ImageTagging}. */
  public static final class Builder {
    private ContainerRuntime runtime;
    private Clock clock = Clock.systemUTC();
    private GitInfo git;
    private Path repoDir = Path.of("");
    private Platform platform = Platform.host();
    private ImageHierarchy hierarchy;
    private TaggingListener listener = TaggingListener.NONE;
    private boolean plainHttp;
    private long maxManifestBytes = RegistryClient.DEFAULT_MAX_MANIFEST_BYTES;
    private Duration commandTimeout = ImageRunner.DEFAULT_COMMAND_TIMEOUT;
    private int parallelism = DEFAULT_PARALLELISM;

    private Builder() {}

    /**
     * How many commands run at once in the image's one container (default {@value #DEFAULT_PARALLELISM});
     * results keep hierarchy order either way. 1 is upstream's one-after-the-other.
     */
    public Builder parallelism(int n) {
      if (n < 1 || n > 64) {
        throw new IllegalArgumentException("parallelism: want 1..64, got " + n);
      }
      parallelism = n;
      return this;
    }

    /** Use this runtime (not closed by {@link ImageTagging#close()}); default: connect when first needed. */
    public Builder runtime(ContainerRuntime r) {
      runtime = Objects.requireNonNull(r);
      return this;
    }

    /** The clock for the date tag and build timestamp. */
    public Builder clock(Clock c) {
      clock = Objects.requireNonNull(c);
      return this;
    }

    /** A fixed commit instead of reading a repository. */
    public Builder git(GitInfo g) {
      git = Objects.requireNonNull(g);
      return this;
    }

    /** Read the commit from the repository at or above {@code dir} (default: working directory). */
    public Builder repoDir(Path dir) {
      repoDir = Objects.requireNonNull(dir);
      return this;
    }

    /** The platform for prefixes and file names (default: host, {@code amd64} named {@code x86_64}). */
    public Builder platform(Platform p) {
      platform = Objects.requireNonNull(p);
      return this;
    }

    /** The image tree (default: {@link ImageHierarchy#jupyter()}). */
    public Builder hierarchy(ImageHierarchy h) {
      hierarchy = Objects.requireNonNull(h);
      return this;
    }

    /** Progress listener. */
    public Builder listener(TaggingListener l) {
      listener = Objects.requireNonNull(l);
      return this;
    }

    /** Talk plain HTTP to every registry (loopback registries always are). */
    public Builder plainHttp(boolean v) {
      plainHttp = v;
      return this;
    }

    /**
     * The most bytes a manifest, index or config blob read from a registry may have (default 4 MiB); a
     * longer body fails the merge with {@code REGISTRY}.
     */
    public Builder maxManifestBytes(long bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("maxManifestBytes: want > 0, got " + bytes);
      }
      maxManifestBytes = bytes;
      return this;
    }

    /** Wall-time limit of one command in the image. */
    public Builder commandTimeout(Duration d) {
      commandTimeout = Objects.requireNonNull(d);
      return this;
    }

    /** The instance; takes the build timestamp now. */
    public ImageTagging build() {
      if (hierarchy == null) {
        hierarchy = ImageHierarchy.jupyter();
      }
      return new ImageTagging(this);
    }
  }
}
