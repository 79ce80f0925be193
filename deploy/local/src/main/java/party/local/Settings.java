package party.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * Where the platform lives and which ports it takes.
 *
 * @param home  the project's root (the launcher runs what the build left in each module's target/)
 * @param data  PostgreSQL, Kafka and Keycloak data and the logs; survives restarts
 * @param fresh wipe {@code data} before starting
 * @param ports the ports of everything, a service's first replica included
 * @param replicas how many replicas of each service run ({@code -Dplatform.replicas}); the others take free ports
 */
public record Settings(Path home, Path data, boolean fresh, Map<Port, Integer> ports, int replicas) {

    public static Settings fromSystemProperties() {
        Path home = Path.of(System.getProperty("platform.home", ".")).toAbsolutePath().normalize();
        Path data = Path.of(System.getProperty("platform.data", home.resolve(".platform-data").toString()))
                .toAbsolutePath().normalize();
        var ports = new EnumMap<Port, Integer>(Port.class);
        for (Port port : Port.values()) {
            ports.put(port, Integer.getInteger(port.property(), port.defaultPort));
        }
        return new Settings(home, data, Boolean.getBoolean("platform.fresh"), ports,
                Integer.getInteger("platform.replicas", 1));
    }

    /** Settings on free ports in a throw-away data directory, for tests that start the whole stack. */
    public static Settings onFreePorts(Path home, Path data) {
        var ports = new EnumMap<Port, Integer>(Port.class);
        for (Port port : Port.values()) {
            ports.put(port, freePort());
        }
        return new Settings(home.toAbsolutePath().normalize(), data, true, ports, 1);
    }

    /** The same, with {@code count} replicas of each service. */
    public Settings withReplicas(int count) {
        return new Settings(home, data, fresh, ports, count);
    }

    /** The same, keeping the data there is. */
    public Settings keepingData() {
        return new Settings(home, data, false, ports, replicas);
    }

    public int port(Port port) {
        return ports.get(port);
    }

    public String url(Port port) {
        return "http://127.0.0.1:" + port(port);
    }

    public Path logs() {
        return data.resolve("logs");
    }

    /** Fails before anything starts when a port is taken, naming the setting that moves it. */
    void checkPortsFree() {
        for (var entry : ports.entrySet()) {
            try (var socket = new ServerSocket(entry.getValue(), 1, InetAddress.getByName("127.0.0.1"))) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                throw new IllegalStateException("端口 " + entry.getValue() + " 已被占用: port " + entry.getValue()
                        + " (" + entry.getKey().key + ") is taken; choose another with -D"
                        + entry.getKey().property() + "=<port>");
            }
        }
    }

    static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path require(String relative, String buildHint) {
        Path path = home.resolve(relative);
        if (!Files.exists(path)) {
            throw new IllegalStateException(path + " is missing; " + buildHint);
        }
        return path;
    }
}
