package party.common.scope;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.RequestScoped;
import java.util.function.Function;
import org.eclipse.microprofile.jwt.JsonWebToken;
import party.common.problem.Refusal;

/**
 * The one org-scope check: the caller's token carries {@code org_path}; the caller sees that unit and
 * everything below it. Anything else is answered as not found, so a sibling's existence never leaks.
 */
@RequestScoped
public class OrgScope {

    public static final String CLAIM = "org_path";

    private final JsonWebToken token;

    public OrgScope(JsonWebToken token) {
        this.token = token;
    }

    /** The caller's scope; an account bound to no unit is refused rather than shown an empty world. */
    public String root() {
        Object claim = token.getClaim(CLAIM);
        if (claim == null || claim.toString().isBlank()) {
            throw Refusal.NO_ORG_SCOPE.because(
                    "the token carries no org_path claim; bind the account to an org unit in Keycloak", null);
        }
        return claim.toString();
    }

    /** The record when the caller may see it; otherwise 404 (see {@link OrgPath#visible}). */
    public <T> T visible(T record, Function<T, String> pathOf) {
        return OrgPath.visible(record, pathOf, root());
    }

    /** A JPQL condition on a path column keeping only records in the caller's scope; bind {@link #parameters()}. */
    public static String condition(String pathColumn) {
        return within(pathColumn, "scope");
    }

    public Parameters parameters() {
        return bind(new Parameters(), "scope", root());
    }

    /** A JPQL condition on a path column keeping the subtree at the path {@link #bind bound} under {@code name}. */
    public static String within(String pathColumn, String name) {
        return "(" + pathColumn + " = :" + name + " or " + pathColumn + " like :" + name + "Below)";
    }

    /** Binds the subtree at {@code path} for {@link #within}{@code (column, name)}. */
    public static Parameters bind(Parameters parameters, String name, String path) {
        return parameters.and(name, path).and(name + "Below", OrgPath.descendantsPattern(path));
    }
}
