package party.assessment.orgunits;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
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

    void seed(@Observes StartupEvent start, OrgUnitRegistry registry, ObjectMapper json) {
        if (seedFile.isEmpty() || OrgUnit.count() > 0) {
            return;
        }
        try {
            OrgUnitCommands.Create[] units = json.readValue(seedFile.get().toFile(), OrgUnitCommands.Create[].class);
            seedAll(registry, units);
            LOG.infof("seeded %d org units from %s", units.length, seedFile.get());
        } catch (IOException e) {
            throw new UncheckedIOException("org-unit seed " + seedFile.get() + " unreadable", e);
        }
    }

    @Transactional
    void seedAll(OrgUnitRegistry registry, OrgUnitCommands.Create[] units) {
        for (OrgUnitCommands.Create unit : units) {
            registry.create(unit, OrgPath.ROOT);
        }
    }
}
