package party.common.paging;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import java.util.List;
import java.util.function.Function;
import party.common.problem.Refusal;

/** One page of a list answer; {@code page} counts from 0. Every paged query goes through {@link #items}. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static <E, T> Page<T> of(PanacheQuery<E> query, int page, int size,
                                    Function<E, T> view) {
        return ofRows(query, page, size, rows -> rows.stream().map(view).toList());
    }

    /** A page whose rows are viewed together, e.g. with what they name read in one query rather than one each. */
    public static <E, T> Page<T> ofRows(PanacheQuery<E> query, int page, int size,
                                        Function<List<E>, List<T>> views) {
        return new Page<>(views.apply(items(query, page, size)), page, size, query.count());
    }

    /**
     * The query's rows of this page; a page whose first row lies beyond what an offset can hold is a 400 naming
     * {@code page}, never an overflowing offset.
     */
    public static <E> List<E> items(PanacheQuery<E> query, int page, int size) {
        if ((long) page * size > Integer.MAX_VALUE - size) {
            throw Refusal.VALIDATION.because("page " + page + " of size " + size + " starts beyond row "
                    + Integer.MAX_VALUE, "page");
        }
        return query.page(page, size).list();
    }
}
