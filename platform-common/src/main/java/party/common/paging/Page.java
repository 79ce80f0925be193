package party.common.paging;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import java.util.List;
import java.util.function.Function;

/** One page of a list answer; {@code page} counts from 0. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static <E, T> Page<T> of(PanacheQuery<E> query, int page, int size,
                                    Function<E, T> view) {
        List<T> items = query.page(page, size).<E>list().stream().map(view).toList();
        return new Page<>(items, page, size, query.count());
    }
}
