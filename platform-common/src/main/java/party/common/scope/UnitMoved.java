package party.common.scope;

/**
 * A unit took a new path (it, or a unit above it, was moved), fired inside the transaction that records the new
 * path: in assessment-service where units are moved, and wherever the org-unit replica applies an
 * {@code OrgUnitMoved}. {@link MovedPaths} rewrites the paths each service's records copied, so that scope follows
 * the unit. A moved subtree fires one per unit, so a rewrite matches whole paths, never prefixes.
 */
public record UnitMoved(String code, String from, String to) {

    /**
     * The unit the moved subtree now hangs under: {@code to} without the part it shares with {@code from} at the
     * end (for {@code /city/district-a/town-1/village-1} moved to {@code /city/district-b/town-1/village-1}, that
     * is {@code /city/district-b}).
     */
    public String newCommittee() {
        return withoutSharedEnd(to, from);
    }

    /** The unit the moved subtree hung under before: {@code /city/district-a} in the example above. */
    public String oldCommittee() {
        return withoutSharedEnd(from, to);
    }

    private static String withoutSharedEnd(String path, String other) {
        String[] segments = path.substring(1).split("/");
        String[] others = other.substring(1).split("/");
        int shared = 0;
        while (shared < Math.min(segments.length, others.length)
                && segments[segments.length - 1 - shared].equals(others[others.length - 1 - shared])) {
            shared++;
        }
        return "/" + String.join("/", java.util.Arrays.copyOf(segments, segments.length - shared));
    }
}
