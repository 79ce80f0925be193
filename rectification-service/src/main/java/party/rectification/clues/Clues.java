package party.rectification.clues;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import io.quarkus.panache.common.Parameters;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import party.common.paging.Page;
import party.common.problem.Refusal;
import party.common.scope.OrgScope;
import party.common.scope.OrgPath;
import party.orgreplica.ReplicatedOrgUnit;
import party.rectification.accountability.Disposition;
import party.rectification.items.CommitteeClock;

/** Registers transferred clues and moves their handling on; every change is written to the clue's handling record. */
@ApplicationScoped
public class Clues {

    private final CommitteeClock clock;
    private final ReporterSeal seal;

    public Clues(CommitteeClock clock, ReporterSeal seal) {
        this.clock = clock;
        this.seal = seal;
    }

    /** A clue about a unit in the caller's scope, registered by the actor. */
    @Transactional
    public Clue transfer(String unitCode, String summary, String details, String reporter, String scope, String actor) {
        ReplicatedOrgUnit unit = ReplicatedOrgUnit.withinScope(unitCode, scope, "unit");
        Clue clue = Clue.transfer(unit.code, unit.path, summary, details, seal.seal(reporter), actor, clock.now());
        clue.persist();
        ClueHandling.of(clue, actor, null, clue.registeredAt).persist();
        return clue;
    }

    /** The next handling step of a clue in scope; a disposition that imposes nothing needs the note to say why. */
    @Transactional
    public Clue handle(UUID id, ClueStatus next, Disposition disposition, String note, String scope, String actor) {
        Clue clue = visible(id, scope);
        if (disposition != null) {
            disposition.requireJustification(note, "note");
        }
        clue.handle(next, disposition);
        ClueHandling.of(clue, actor, note, clock.now()).persist();
        return clue;
    }

    /** The clues of the caller's scope, newest first; each one shown is recorded as read. */
    @Transactional
    public List<Clue> list(String scope, String reader, int page, int size) {
        List<Clue> shown = Page.items(Clue.<Clue>find(OrgScope.condition("orgPath") + " and orgPath <> :scope"
                + " order by registeredAt desc", OrgScope.bind(new Parameters(), "scope", scope)), page, size);
        Instant now = clock.now();
        shown.forEach(clue -> ClueRead.of(clue.id, reader, now, false).persist());
        return shown;
    }

    public long count(String scope) {
        return Clue.count(OrgScope.condition("orgPath") + " and orgPath <> :scope",
                OrgScope.bind(new Parameters(), "scope", scope));
    }

    /** A clue whole, recorded as read by the reader. */
    @Transactional
    public Clue read(UUID id, String scope, String reader) {
        Clue clue = visible(id, scope);
        ClueRead.of(clue.id, reader, clock.now(), true).persist();
        return clue;
    }

    /** The reporter of a clue just {@link #read}. */
    public String reporterOf(Clue clue) {
        return seal.open(clue.reporter);
    }

    /**
     * The clue when the caller is discipline above its unit (docs/domain.md §7); 404 otherwise, for a clue about the
     * caller's own unit exactly as for one that does not exist.
     */
    public Clue visible(UUID id, String scope) {
        Clue clue = OrgPath.visible(Clue.<Clue>findById(id), c -> c.orgPath, scope);
        if (OrgPath.isWithin(scope, clue.orgPath)) {
            throw Refusal.unknown();
        }
        return clue;
    }
}
