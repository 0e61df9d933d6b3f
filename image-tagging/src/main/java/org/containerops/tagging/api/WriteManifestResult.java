package org.containerops.tagging.api;

import java.nio.file.Path;

/**
 * @param historyLineFile the history-line file written
 * @param manifestFile the manifest file written
 * @param historyLine its content (no trailing newline)
 * @param manifest the manifest's content (one trailing newline)
 */
public record WriteManifestResult(Path historyLineFile, Path manifestFile, String historyLine, String manifest) {}
