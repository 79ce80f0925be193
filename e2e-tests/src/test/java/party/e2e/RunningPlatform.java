package party.e2e;

import io.restassured.RestAssured;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import party.local.LocalPlatform;
import party.local.Settings;

/**
 * One real platform for every end-to-end class in the run, on free ports and a temporary data directory,
 * started as the README's run command starts it and stopped (with its data) when the run ends.
 */
public class RunningPlatform implements BeforeAllCallback {

    private static LocalPlatform platform;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(RunningPlatform.class, key -> start(), Stopper.class);
    }

    static LocalPlatform platform() {
        return platform;
    }

    private static Stopper start() {
        try {
            Path data = Files.createTempDirectory("platform-e2e");
            platform = LocalPlatform.start(Settings.onFreePorts(Path.of(System.getProperty("platform.home")), data));
            RestAssured.filters(new FreshTokens(new Keycloak(platform)));
            return new Stopper(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closed by JUnit after the last class: stops every process, then removes the data. */
    record Stopper(Path data) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            platform.close();
            try (var paths = Files.walk(data)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
