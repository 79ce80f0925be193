package party.assessment.schemes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import party.assessment.orgunits.OrgUnit;
import party.assessment.scoring.Dimension;
import party.assessment.scoring.SchemeDefinition;
import party.common.problem.Refusal;
import party.common.scope.OrgPath;

/** Drafts, publishes and revises schemes; a published revision takes over its predecessor's entries. */
@ApplicationScoped
public class Schemes {

    private final EntityManager em;

    public Schemes(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public Scheme create(SchemeCommands.Define command, String scope, String by) {
        OrgUnit unit = OrgUnit.activeWithinScope(command.orgUnit(), scope, "orgUnit");
        var scheme = Scheme.draft(command.year(), unit.code, unit.path, command.title(), sound(command.definition()), by);
        scheme.persist();
        return scheme;
    }

    @Transactional
    public Scheme redefine(UUID id, SchemeCommands.Define command, String scope) {
        Scheme scheme = managed(id, scope);
        if (!scheme.orgCode.equals(command.orgUnit()) || scheme.year != command.year()) {
            throw Refusal.SCHEME_FIXED.because("create a new scheme for another year or org unit", "orgUnit");
        }
        scheme.redefine(command.title(), sound(command.definition()));
        return scheme;
    }

    /**
     * Replaces a draft's indicator tree, the rest of its definition kept: a redefinition like any other, under the
     * same rules and validation.
     */
    @Transactional
    public Scheme replaceIndicators(UUID id, List<Dimension> dimensions, String scope) {
        Scheme scheme = managed(id, scope);
        return redefine(id, new SchemeCommands.Define(scheme.year, scheme.orgCode, scheme.title,
                scheme.definition.withDimensions(dimensions)), scope);
    }

    /** Publishes a draft; a revision supersedes the scheme it revises and carries its entries over. */
    @Transactional
    public Scheme publish(UUID id, String scope) {
        Scheme scheme = managed(id, scope);
        scheme.publish(Instant.now());
        if (scheme.supersedes != null) {
            Scheme previous = Scheme.findById(scheme.supersedes);
            previous.supersede();
            em.createNativeQuery("""
                    insert into indicator_entry (scheme_id, org_code, indicator_code, org_path, self_value, self_grade,
                        evidence, self_by, self_at, review_value, review_grade, review_comment, reviewed_by, reviewed_at,
                        objection, objected_at, resolution, resolved_by, resolved_at, version)
                    select ?1, org_code, indicator_code, org_path, self_value, self_grade, evidence, self_by, self_at,
                        review_value, review_grade, review_comment, reviewed_by, reviewed_at, objection, objected_at,
                        resolution, resolved_by, resolved_at, 0
                    from indicator_entry where scheme_id = ?2""")
                    .setParameter(1, scheme.id).setParameter(2, previous.id).executeUpdate();
            em.createNativeQuery("""
                    insert into routine_check (id, scheme_id, org_code, checked_on, score, note, recorded_by)
                    select gen_random_uuid(), ?1, org_code, checked_on, score, note, recorded_by
                    from routine_check where scheme_id = ?2""")
                    .setParameter(1, scheme.id).setParameter(2, previous.id).executeUpdate();
            em.createNativeQuery("""
                    insert into opinion_score (scheme_id, org_code, satisfaction, source, recorded_by, recorded_at)
                    select ?1, org_code, satisfaction, source, recorded_by, recorded_at
                    from opinion_score where scheme_id = ?2""")
                    .setParameter(1, scheme.id).setParameter(2, previous.id).executeUpdate();
        }
        return scheme;
    }

    @Transactional
    public Scheme revise(UUID id, String scope, String by) {
        Scheme revision = managed(id, scope).revise(by);
        revision.persist();
        return revision;
    }

    /** A scheme the caller may see (its designers above, the units it assesses below); 404 otherwise. */
    public Scheme visible(UUID id, String scope) {
        Scheme scheme = Scheme.findById(id);
        if (scheme == null || !scheme.visibleTo(scope)) {
            throw Refusal.unknown();
        }
        return scheme;
    }

    /** A scheme the caller may manage: its unit lies within the caller's scope; 404 otherwise. */
    public Scheme managed(UUID id, String scope) {
        return OrgPath.visible(Scheme.<Scheme>findById(id), s -> s.orgPath, scope);
    }

    /**
     * The unit with this code when it lies within the caller's scope and the scheme assesses it; otherwise a 400
     * naming the request field.
     */
    public OrgUnit assessedUnit(Scheme scheme, String code, String scope, String field) {
        OrgUnit unit = OrgUnit.withinScope(code, scope, field);
        if (!scheme.assesses(unit.path)) {
            throw Refusal.UNKNOWN_ORG_UNIT.because("unit " + code + " is not assessed under this scheme", field);
        }
        return unit;
    }

    /**
     * Holds the scheme's write lock until the transaction ends. Requests and consumers change a scheme's results
     * side by side (a unit's report while a rectification event for the same unit is consumed); one at a time,
     * each sees what the previous one committed instead of both inserting the same result or clashing on it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void serialize(Scheme scheme) {
        em.createNativeQuery("select pg_advisory_xact_lock(?1)")
                .setParameter(1, scheme.id.getMostSignificantBits() ^ scheme.id.getLeastSignificantBits())
                .getSingleResult();
    }

    private static SchemeDefinition sound(SchemeDefinition definition) {
        definition.problem().ifPresent(problem -> {
            String[] fieldAndMessage = problem.split(": ", 2);
            throw Refusal.INVALID_SCHEME.because(fieldAndMessage[1], "definition." + fieldAndMessage[0]);
        });
        return definition;
    }
}
