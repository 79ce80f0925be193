package party.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Keycloak from the keycloak-quarkus-dist zip that deploy/keycloak unpacked, with the party realm imported
 * on first start. Its H2 store lives in the platform's data directory, not in the distribution.
 */
public final class LocalKeycloak {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin";
    /**
     * The local realm's client for scripts and tests, the only one allowed the password grant; the cluster realm
     * has no such client (people sign in with the authorization code and PKCE there).
     */
    public static final String DEMO_CLIENT = "local-demo";

    /** A demo user's password in the local realm: the name and a suffix that meets the realm's password policy. */
    public static String demoPassword(String user) {
        return user + "-Demo1";
    }

    private LocalKeycloak() {
    }

    static ChildProcess start(Settings settings) {
        Path dist = distribution(settings);
        Path realm = settings.require("deploy/keycloak/party-realm.json", "the realm export is part of the repository");
        try {
            Path imports = Files.createDirectories(dist.resolve("data/import"));
            // the phone pages sign in through the gateway's address, wherever the gateway listens
            Files.writeString(imports.resolve("party-realm.json"), Files.readString(realm)
                    .replace("http://127.0.0.1:8080/*", settings.url(Port.GATEWAY) + "/*"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path store = settings.data().resolve("keycloak");
        return ChildProcess.start("keycloak", List.of("bash", dist.resolve("bin/kc.sh").toString(),
                        "start-dev",
                        "--http-host=127.0.0.1",
                        "--http-port=" + settings.port(Port.KEYCLOAK),
                        "--import-realm",
                        "--db-url=jdbc:h2:file:" + store.resolve("keycloakdb") + ";NON_KEYWORDS=VALUE"),
                Map.of("JAVA_HOME", System.getProperty("java.home"),
                        "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN,
                        "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD),
                dist, settings.logs());
    }

    static void awaitReady(ChildProcess keycloak, Settings settings) {
        // The first start re-augments the distribution (~50 s on 2 cores); later starts take ~15 s.
        keycloak.awaitHealthy(issuer(settings) + "/.well-known/openid-configuration", Duration.ofMinutes(4));
    }

    static String issuer(Settings settings) {
        return settings.url(Port.KEYCLOAK) + "/realms/party";
    }

    private static Path distribution(Settings settings) {
        Path target = settings.require("deploy/keycloak/target", "build it with: mvn package -pl deploy/keycloak");
        try (Stream<Path> dirs = Files.list(target)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("keycloak-") && Files.isDirectory(d))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no unpacked Keycloak in " + target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
