package party.common.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource whose records must not be traceable through the audit trail (the discipline commission's clues): its
 * requests are recorded with {@code {id}} in place of each record id, so administrators reading the trail learn who
 * acted and when, never on which record. The records keep their own trace for those entitled to them.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Confidential {
}
