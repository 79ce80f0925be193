package party.common.scope;

import java.util.function.Function;
import party.common.problem.Refusal;

/**
 * Org paths are the chain of unit codes from the root, e.g. {@code /city/district-a}. A scope is the
 * path a user is bound to; it covers that unit and everything below it, and {@code /} covers all.
 */
public final class OrgPath {

    public static final String ROOT = "/";

    private OrgPath() {
    }

    public static boolean isWithin(String path, String scope) {
        if (path == null || scope == null) {
            return false;
        }
        return ROOT.equals(scope) || path.equals(scope) || path.startsWith(scope + "/");
    }

    /**
     * The record when it exists and lies within the scope; 404 otherwise, exactly like a record that does
     * not exist, so nothing outside the scope leaks.
     */
    public static <T> T visible(T record, Function<T, String> pathOf, String scope) {
        if (record == null || !isWithin(pathOf.apply(record), scope)) {
            throw Refusal.unknown();
        }
        return record;
    }

    /**
     * A record the caller's own unit keeps (its leaders' duty records, its responsibility list): visible as above,
     * and changed only from the unit itself, never from the committee above, which reads it (403 saying so).
     */
    public static <T> T kept(T record, Function<T, String> pathOf, String scope, String what) {
        if (!pathOf.apply(visible(record, pathOf, scope)).equals(scope)) {
            throw Refusal.WRONG_SIDE.because("a unit keeps its own " + what + "; the committee above reads them",
                    null);
        }
        return record;
    }

    /** The path of the unit one level up, or {@code null} for a root unit. */
    public static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? null : path.substring(0, slash);
    }

    /** The path of a unit with this code under the given parent path ({@code null} for a root unit). */
    public static String child(String parentPath, String code) {
        return parentPath == null ? "/" + code : parentPath + "/" + code;
    }

    /** A SQL LIKE pattern for everything strictly below the scope; unit codes contain no wildcards. */
    public static String descendantsPattern(String scope) {
        return ROOT.equals(scope) ? "/%" : scope + "/%";
    }
}
