package org.clearinghouse.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Plain git, run on a repository to check that what the wiki wrote is what git reads. */
final class GitCli {
    private GitCli() {}

    /** Runs git on the repository; answers its output, failing the test when git fails. */
    static String git(File gitDir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("git", "--git-dir", gitDir.getPath()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            assertThat(process.waitFor()).as("git %s: %s", String.join(" ", args), output).isZero();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return output;
    }
}
