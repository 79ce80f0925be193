package party.common.paging;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list answer; {@code page} counts from 0. {@code total} is exact unless {@code totalExact} is
 * false: lists that reach hundreds of thousands of rows stop counting at {@link #COUNTED_UP_TO} ("10,000+").
 */
public record Page<T>(List<T> items, int page, int size, long total, boolean totalExact) {

    /** Where long lists stop counting: past it nobody pages through, they filter or export. */
    public static final int COUNTED_UP_TO = 10_000;

    public static <E, T> Page<T> of(PanacheQuery<E> query, int page, int size, Function<E, T> view) {
        return new Page<>(items(query, page, size, view), page, size, query.count(), true);
    }

    /** A page of a long list, with {@code countUpTo} the list's length counted to at most {@code COUNTED_UP_TO + 1}. */
    public static <E, T> Page<T> counted(PanacheQuery<E> query, long countUpTo, int page, int size, Function<E, T> view) {
        return new Page<>(items(query, page, size, view), page, size, Math.min(countUpTo, COUNTED_UP_TO),
                countUpTo <= COUNTED_UP_TO);
    }

    private static <E, T> List<T> items(PanacheQuery<E> query, int page, int size, Function<E, T> view) {
        return query.page(page, size).<E>list().stream().map(view).toList();
    }
}
