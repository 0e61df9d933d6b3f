package org.containerops.tagging.api;

/**
 * What {@code hook} did.
 *
 * @param tags the tags file written
 * @param manifest the history line, manifest and (when asked) SBOM written
 * @param applied the tags applied to the local image
 */
public record HookResult(WriteTagsResult tags, WriteManifestResult manifest, ApplyTagsResult applied) {}
