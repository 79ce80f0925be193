package party.common.paging;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import java.util.List;
import java.util.function.Function;
import party.common.problem.Refusal;

/**
 * One page of a list answer; {@code page} counts from 0. Every paged query goes through {@link #items}. {@code total}
 * is exact where {@code totalExact}; where not, more rows than {@code total} match (see {@link #COUNTED_UP_TO}).
 */
public record Page<T>(List<T> items, int page, int size, long total, boolean totalExact) {

    /**
     * Where a list can hold a city's rows, its count stops past this many (or past the page asked for, if deeper):
     * counting a million ledger items costs a page of 20 a quarter of a second, and "more than 10,000" tells a
     * reader as much. A count that stops is asked for one row more, to know that more match.
     */
    public static final int COUNTED_UP_TO = 10_000;

    /** The rows of a query matching at most {@code limit} of them counted: {@code min(limit, every matching row)}. */
    @FunctionalInterface
    public interface BoundedCount {
        long upTo(long limit);
    }

    /**
     * The rows of an entity matching a condition (HQL, as Panache's {@code find} takes it), counted by the database.
     * (HQL wants an order for a limit; PostgreSQL drops an order by a constant.)
     */
    public static BoundedCount counting(Class<?> entity, String condition, Parameters parameters) {
        return limit -> {
            var query = Panache.getEntityManager(entity).createQuery("select count(*) from (select 1 as row from "
                    + entity.getName() + " where " + condition + " order by 1 limit " + limit + ")", Long.class);
            parameters.map().forEach(query::setParameter);
            return query.getSingleResult();
        };
    }

    public Page(List<T> items, int page, int size, long total) {
        this(items, page, size, total, true);
    }

    public static <E, T> Page<T> of(PanacheQuery<E> query, int page, int size,
                                    Function<E, T> view) {
        return ofRows(query, page, size, rows -> rows.stream().map(view).toList());
    }

    /** A page whose rows are viewed together, e.g. with what they name read in one query rather than one each. */
    public static <E, T> Page<T> ofRows(PanacheQuery<E> query, int page, int size,
                                        Function<List<E>, List<T>> views) {
        return new Page<>(views.apply(items(query, page, size)), page, size, query.count());
    }

    /** A page of a list that can hold a city's rows: its total counted by {@code count} up to a bound. */
    public static <E, T> Page<T> ofRows(PanacheQuery<E> query, BoundedCount count, int page, int size,
                                        Function<List<E>, List<T>> views) {
        return counted(views.apply(items(query, page, size)), page, size, count);
    }

    static <T> Page<T> counted(List<T> rows, int page, int size, BoundedCount count) {
        long bound = Math.max(COUNTED_UP_TO, (long) page * size + size);
        long counted = count.upTo(bound + 1);
        return new Page<>(rows, page, size, Math.min(counted, bound), counted <= bound);
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
