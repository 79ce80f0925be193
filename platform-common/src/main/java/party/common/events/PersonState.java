package party.common.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A leader in the person registry, with every post they hold or held, newest first: what services that name
 * persons (a rectification item's responsible leader, an accountability decision, a 述职评议 subject) replicate.
 *
 * @param account the Keycloak user name that is theirs, or null
 * @param version grows with every change of the person or their posts
 */
public record PersonState(UUID id, String name, String account, List<Held> posts, long version) {

    /** One appointment: the unit (code and path), the post (code and label) and the term, end null while open. */
    public record Held(UUID appointment, String unit, String orgPath, String post, String postLabel,
                       LocalDate termStart, LocalDate termEnd) {
    }
}
