package party.common.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The catalogue's records by type name, read from the sealed hierarchy of {@link PlatformEvent}: no second list. */
public final class EventCatalogue {

    private static final Map<String, Class<? extends PlatformEvent>> BY_TYPE = records(PlatformEvent.class)
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private EventCatalogue() {
    }

    public static Set<String> types() {
        return BY_TYPE.keySet();
    }

    public static Optional<Class<? extends PlatformEvent>> named(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    /** The types an OA system may subscribe to: all but those marked {@link Internal}. */
    public static Set<String> forSubscribers() {
        return BY_TYPE.entrySet().stream().filter(entry -> !entry.getValue().isAnnotationPresent(Internal.class))
                .map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
    }

    @SuppressWarnings("unchecked")
    private static Stream<Class<? extends PlatformEvent>> records(Class<? extends PlatformEvent> type) {
        return type.isRecord() ? Stream.of(type) : Arrays.stream(type.getPermittedSubclasses())
                .flatMap(sub -> records((Class<? extends PlatformEvent>) sub));
    }
}
