package party.assessment.orgunits;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import party.common.scope.OrgPath;

/**
 * Fills an empty registry from a JSON list of units (parents first), through the registry like any
 * other creation, so the seed reaches the other services' replicas too. The local stack uses it.
 */
@ApplicationScoped
public class OrgUnitSeeder {

    private static final Logger LOG = Logger.getLogger(OrgUnitSeeder.class);

    @ConfigProperty(name = "assessment.seed.org-units")
    Optional<Path> seedFile;

    void seed(@Observes StartupEvent start, OrgUnitRegistry registry, ObjectMapper json, EntityManager em) {
        if (seedFile.isEmpty()) {
            return;
        }
        OrgUnitCommands.Create[] units;
        try {
            units = json.readValue(seedFile.get().toFile(), OrgUnitCommands.Create[].class);
        } catch (IOException e) {
            throw new UncheckedIOException("org-unit seed " + seedFile.get() + " unreadable", e);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            // replicas start together: the first to take the lock seeds, the others then find the units there
            em.createNativeQuery("select pg_advisory_xact_lock(hashtext('seed-org-units'))").getSingleResult();
            if (OrgUnit.count() > 0) {
                return;
            }
            for (OrgUnitCommands.Create unit : units) {
                registry.create(unit, OrgPath.ROOT);
            }
            LOG.infof("seeded %d org units from %s", units.length, seedFile.get());
        });
    }
}
