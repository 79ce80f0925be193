package party.common.scope;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Scope follows the unit: on {@link UnitMoved}, every {@code table.column} a service lists in
 * {@code platform.path-columns} (the paths its records copied) holding exactly the unit's old path gets the new one,
 * in the transaction that moved it. Runs before a service's own rules about moved units ({@link #FIRST}).
 */
@ApplicationScoped
public class MovedPaths {

    /** The priority of this rewrite; a service's further rules observe the move after it. */
    public static final int FIRST = Interceptor.Priority.PLATFORM_BEFORE;

    private final EntityManager em;
    private final Optional<List<String>> columns;

    public MovedPaths(EntityManager em, @ConfigProperty(name = "platform.path-columns") Optional<List<String>> columns) {
        this.em = em;
        this.columns = columns;
    }

    void follow(@Observes @Priority(FIRST) UnitMoved moved) {
        for (String qualified : columns.orElse(List.of())) {
            String[] tableAndColumn = qualified.split("\\.");
            em.createNativeQuery("update " + tableAndColumn[0] + " set " + tableAndColumn[1] + " = ?1 where "
                    + tableAndColumn[1] + " = ?2").setParameter(1, moved.to()).setParameter(2, moved.from())
                    .executeUpdate();
        }
    }
}
