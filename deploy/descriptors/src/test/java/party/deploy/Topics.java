package party.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** The topics a deployment must create: the platform's (party.common.events.Topics) and each consumer's dead-letter topic. */
final class Topics {

    private static final Pattern DEAD_LETTER =
            Pattern.compile("^mp\\.messaging\\.incoming\\.([\\w\\-]+)\\.failure-strategy=dead-letter-queue$", Pattern.MULTILINE);

    static Set<String> platform() {
        Set<String> topics = new TreeSet<>();
        Arrays.stream(party.common.events.Topics.class.getFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .forEach(field -> {
                    try {
                        topics.add((String) field.get(null));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                });
        return topics;
    }

    /** SmallRye's default name for a channel's dead-letter topic, for every channel configured with one. */
    static Set<String> deadLetter() {
        Set<String> topics = new TreeSet<>();
        for (String service : ServiceSettings.SERVICES) {
            try {
                var properties = ServiceSettings.ROOT.resolve(service).resolve("src/main/resources/application.properties");
                var matcher = DEAD_LETTER.matcher(Files.readString(properties));
                while (matcher.find()) {
                    topics.add("dead-letter-topic-" + matcher.group(1));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return topics;
    }

    private Topics() {
    }
}
