package party.common.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keeps a state-changing endpoint out of every record of requests: the audit trail and the idempotency log. Only
 * for casting a secret ballot: turnout already says who voted, and those records would add when (and the log the
 * answer, valid or void), which the ballot design deliberately records nowhere.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Unrecorded {
}
