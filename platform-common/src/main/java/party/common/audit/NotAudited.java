package party.common.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keeps a state-changing endpoint out of the audit trail. Only for casting a secret ballot: turnout already
 * says who voted, and the trail would add when, which the ballot design deliberately records nowhere.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface NotAudited {
}
