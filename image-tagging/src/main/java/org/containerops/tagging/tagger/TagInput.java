package org.containerops.tagging.tagger;

import java.time.Clock;
import org.containerops.tagging.git.GitInfo;
import org.containerops.tagging.runner.CommandRunner;

/**
 * What a tagger may look at: the running image, the host's git commit and the clock (all injectable).
 *
 * @param container runs commands in the image
 * @param git the commit being built
 * @param clock the clock for the date tag (UTC is used whatever its zone)
 */
public record TagInput(CommandRunner container, GitInfo git, Clock clock) {}
