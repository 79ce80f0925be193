package party.assessment.schemes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import party.assessment.scoring.SchemeDefinition;
import party.common.scope.OrgPath;

/**
 * Publishes a sample scheme for the current year when there is none yet, after the org units are seeded; the local
 * stack uses it for its demo data ({@code deploy/local/sample-scheme.json}).
 */
@ApplicationScoped
public class SchemeSeeder {

    private static final Logger LOG = Logger.getLogger(SchemeSeeder.class);

    /** The seed file's shape: the scheme's unit, title and definition; the year is the current one. */
    record Seed(String orgUnit, String title, SchemeDefinition definition) {
    }

    @ConfigProperty(name = "assessment.seed.scheme")
    Optional<Path> seedFile;

    // after the org-unit seed, whose observer has the default priority (APPLICATION + 500)
    void seed(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) StartupEvent start, Schemes schemes,
              ObjectMapper json, EntityManager em) {
        if (seedFile.isEmpty()) {
            return;
        }
        Seed seed;
        try {
            seed = json.readValue(seedFile.get().toFile(), Seed.class);
        } catch (IOException e) {
            throw new UncheckedIOException("scheme seed " + seedFile.get() + " unreadable", e);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            // replicas start together: the first to take the lock publishes, the others then find the scheme there
            em.createNativeQuery("select pg_advisory_xact_lock(hashtext('seed-scheme'))").getSingleResult();
            if (Scheme.count() > 0) {
                return;
            }
            int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
            Scheme scheme = schemes.create(new SchemeCommands.Define(year, seed.orgUnit(), year + "年度" + seed.title(),
                    seed.definition()), OrgPath.ROOT, "seed");
            schemes.publish(scheme.id, OrgPath.ROOT);
            LOG.infof("published the sample scheme %s from %s", scheme.id, seedFile.get());
        });
    }
}
