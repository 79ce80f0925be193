package party.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import party.local.LocalPlatform;
import party.local.Settings;

/**
 * The README's try-it blocks, run as written, in order, in one bash, on a fresh stack of their own (they create
 * units, a sealed city session and an item, which the other classes' shared stack must not see). Only the stack's
 * addresses are put in for the README's default ports, and every curl must succeed (a 4xx or 5xx stops the run).
 */
class ReadmeEndToEndTest {

    private static final Pattern BLOCK = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);
    /** Every request must succeed, except where a block itself asks with -f (it then decides what a failure means). */
    private static final String PRELUDE = """
            set -euo pipefail
            curl() { case " $* " in *" -sf "*|*" -f "*) command curl "$@";; *) command curl --fail-with-body "$@";; esac; }
            """;

    private static Path data;
    private static LocalPlatform platform;

    @BeforeAll
    static void aFreshStack() throws IOException {
        data = Files.createTempDirectory("platform-readme");
        platform = LocalPlatform.start(Settings.onFreePorts(home(), data));
    }

    @AfterAll
    static void stop() throws IOException {
        if (platform != null) {
            platform.close();
        }
        try (var paths = Files.walk(data)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void theTryItBlocksRunAsWritten() throws Exception {
        List<String> blocks = blocks(Files.readString(home().resolve("README.md")));
        assertThat(blocks).hasSizeGreaterThanOrEqualTo(4);
        String script = PRELUDE + String.join("\n", blocks)
                .replace("http://127.0.0.1:8080", platform.gatewayUrl())
                .replace("http://127.0.0.1:8180", platform.keycloakUrl());
        Path dir = Files.createTempDirectory(data, "shell");
        Path output = dir.resolve("output.txt");
        Process bash = new ProcessBuilder("bash", "-c", script).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        boolean done = bash.waitFor(5, TimeUnit.MINUTES);
        if (!done) {
            bash.destroyForcibly();
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);

        assertThat(done).as("the blocks finished within 5 minutes:\n" + printed).isTrue();
        assertThat(bash.exitValue()).as("every command succeeded:\n" + printed).isZero();
        assertThat(printed)
                .contains("\"name\":\"一街道\"")                 // the new unit, then its replica
                .contains("\"digest\":\"")                       // the sealed session
                .contains("\"state\":\"CLOSED\"")                // the item, verified 销号
                .doesNotContain("urn:party:problem");
    }

    private static List<String> blocks(String readme) {
        var blocks = new ArrayList<String>();
        Matcher block = BLOCK.matcher(readme);
        while (block.find()) {
            blocks.add(block.group(1));
        }
        return blocks;
    }

    private static Path home() {
        return Path.of(System.getProperty("platform.home"));
    }
}
