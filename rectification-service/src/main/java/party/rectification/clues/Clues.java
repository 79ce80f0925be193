package party.rectification.clues;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import party.common.scope.OrgPath;
import party.orgreplica.ReplicatedOrgUnit;
import party.rectification.accountability.Disposition;
import party.rectification.items.CommitteeClock;

/** Registers transferred clues and moves their handling on; every change is written to the clue's handling record. */
@ApplicationScoped
public class Clues {

    private final CommitteeClock clock;

    public Clues(CommitteeClock clock) {
        this.clock = clock;
    }

    /** A clue about a unit in the caller's scope, registered by the actor. */
    @Transactional
    public Clue transfer(String unitCode, String summary, String details, String reporter, String scope, String actor) {
        ReplicatedOrgUnit unit = ReplicatedOrgUnit.withinScope(unitCode, scope, "unit");
        Clue clue = Clue.transfer(unit.code, unit.path, summary, details, reporter, actor, clock.now());
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

    /** The clue when the scope covers its unit; 404 otherwise. */
    public Clue visible(UUID id, String scope) {
        return OrgPath.visible(Clue.<Clue>findById(id), clue -> clue.orgPath, scope);
    }
}
