package party.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service reads from its environment, found in its sources the way MicroProfile Config maps environment
 * variables to properties ({@code platform.kafka-bootstrap} ← {@code PLATFORM_KAFKA_BOOTSTRAP}): the keys of its
 * properties files, the {@code ${…}} expressions in them and in annotations, {@code @ConfigProperty} names and
 * {@code @ConfigMapping} prefixes — its own and those of the modules it is built from.
 */
final class ServiceSettings {

    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    static final List<String> SERVICES = List.of("assessment-service", "rectification-service", "ballot-service",
            "webhook-service", "gateway");

    private static final Pattern KEY = Pattern.compile("^(?:%\\w+\\.)?([\\w.\\-\"]+)\\s*=", Pattern.MULTILINE);
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([\\w.\\-]+)");
    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\(name = \"([\\w.\\-]+)\"");
    private static final Pattern CONFIG_MAPPING = Pattern.compile("@ConfigMapping\\(prefix = \"([\\w.\\-]+)\"");

    private final Set<String> names = new HashSet<>();
    private final Set<String> prefixes = new HashSet<>();

    static ServiceSettings of(String service) {
        var settings = new ServiceSettings();
        List<String> modules = service.equals("gateway") ? List.of("gateway")
                : List.of(service, "platform-common", "org-unit-replica");
        for (String module : modules) {
            settings.read(ROOT.resolve(module).resolve("src/main"));
        }
        return settings;
    }

    /** Whether the service reads this environment variable. */
    boolean reads(String variable) {
        return names.contains(variable) || prefixes.stream().anyMatch(prefix -> variable.startsWith(prefix + "_"));
    }

    static String environmentName(String property) {
        return property.replace("\"", "").toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private void read(Path sources) {
        if (!Files.isDirectory(sources)) {
            return;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".properties")) {
                    String text = Files.readString(file);
                    collect(KEY.matcher(text), names);
                    collect(EXPRESSION.matcher(text), names);
                } else if (name.endsWith(".java")) {
                    String text = Files.readString(file);
                    collect(CONFIG_PROPERTY.matcher(text), names);
                    collect(EXPRESSION.matcher(text), names);
                    collect(CONFIG_MAPPING.matcher(text), prefixes);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(Matcher matcher, Set<String> into) {
        while (matcher.find()) {
            into.add(environmentName(matcher.group(1)));
        }
    }
}
