package party.ballot.sessions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import party.ballot.box.BallotBox;
import party.ballot.tally.SessionDefinition;
import party.common.events.BallotResultsSealed;
import party.common.outbox.Outbox;
import party.common.problem.Refusal;
import party.common.scope.OrgPath;
import party.orgreplica.ReplicatedOrgUnit;
import party.orgreplica.persons.NamedPerson;
import party.orgreplica.persons.ReplicatedPerson;

/** Defines sessions and moves them through their states; sealing counts the box once and announces it. */
@ApplicationScoped
public class Sessions {

    private final BallotBox box;
    private final Outbox outbox;

    public Sessions(BallotBox box, Outbox outbox) {
        this.box = box;
        this.outbox = outbox;
    }

    @Transactional
    public EvaluationSession create(SessionCommands.Define command, String scope) {
        ReplicatedOrgUnit unit = ReplicatedOrgUnit.activeWithinScope(command.orgUnit(), scope, "orgUnit");
        var session = EvaluationSession.draft(unit.code, unit.path, command.title(), command.date(), command.year(),
                definition(command, unit.path, scope));
        session.persist();
        return session;
    }

    @Transactional
    public EvaluationSession redefine(UUID id, SessionCommands.Define command, String scope) {
        EvaluationSession session = visible(id, scope);
        if (!session.orgCode.equals(command.orgUnit())) {
            throw Refusal.ORG_UNIT_FIXED.because("create a new session for another org unit", "orgUnit");
        }
        session.redefine(command.title(), command.date(), command.year(), definition(command, session.orgPath, scope));
        return session;
    }

    @Transactional
    public EvaluationSession open(UUID id, String scope) {
        EvaluationSession session = visible(id, scope);
        session.open();
        return session;
    }

    /** Ends voting and shuffles the box, so nothing about its rows reflects the order of casting. */
    @Transactional
    public EvaluationSession close(UUID id, String scope) {
        EvaluationSession session = visible(id, scope);
        session.close();
        box.close(session.id);
        return session;
    }

    /**
     * Counts the box once. The session's new state is written first: that waits for a paper ballot being entered
     * (each locks the session's row until it is in, see Casting), so the box counted holds it, and any entered later
     * finds the session sealed.
     */
    @Transactional
    public SealedResult seal(UUID id, String scope) {
        EvaluationSession session = visible(id, scope);
        session.seal();
        EvaluationSession.flush();
        BallotBox.Count count = box.count(session.id, session.definition);
        var sealed = new SealedResult();
        sealed.sessionId = session.id;
        sealed.tally = count.tally();
        sealed.digest = count.digest();
        sealed.sealedAt = Instant.now();
        sealed.persist();
        outbox.publish(announcement(session, sealed));
        return sealed;
    }

    /** The session with this id when the scope covers its org unit; 404 otherwise. */
    public EvaluationSession visible(UUID id, String scope) {
        return OrgPath.visible(EvaluationSession.<EvaluationSession>findById(id), session -> session.orgPath, scope);
    }

    public SealedResult sealed(EvaluationSession session) {
        session.require(SessionState.SEALED, "结果封存后才能查看");
        return SealedResult.findById(session.id);
    }

    private static SessionDefinition definition(SessionCommands.Define command, String sessionPath, String scope) {
        List<SessionDefinition.Grade> scale = command.grades() != null && !command.grades().isEmpty() ? command.grades()
                : "member".equals(command.scale()) ? SessionDefinition.MEMBER_SCALE : SessionDefinition.UNIT_SCALE;
        if (command.scale() != null && !List.of("unit", "member").contains(command.scale())) {
            throw Refusal.UNKNOWN_SCALE.because("scale is unit or member, or give grades", "scale");
        }
        var categories = command.categories().stream().map(c -> new SessionDefinition.Category(c.code(), c.name(),
                c.topRatio(), c.topCap(), c.subjects().stream().map(s -> subject(s, command.year(), sessionPath, scope))
                .toList())).toList();
        var definition = new SessionDefinition(scale,
                command.ballotTypes() == null || command.ballotTypes().isEmpty() ? SessionDefinition.A_AND_B : command.ballotTypes(),
                categories,
                command.blankPolicy() == null ? SessionDefinition.BlankPolicy.ABSTAIN : command.blankPolicy());
        definition.problem().ifPresent(problem -> {
            String[] fieldAndMessage = problem.split(": ", 2);
            throw Refusal.INVALID_DEFINITION.because(fieldAndMessage[1], fieldAndMessage[0]);
        });
        return definition;
    }

    /**
     * An org unit strictly below the session's unit (named from the replica), or a named person: a committee
     * evaluates those below it, never itself, its ancestors or another committee's units (docs/domain.md §7).
     */
    private static SessionDefinition.Subject subject(SessionCommands.SubjectInput input, int year, String sessionPath,
                                                     String scope) {
        if (input.unit() != null) {
            ReplicatedOrgUnit unit = ReplicatedOrgUnit.activeWithinScope(input.unit(), scope, "categories.subjects.unit");
            if (!OrgPath.isWithin(unit.path, sessionPath) || unit.path.equals(sessionPath)) {
                throw Refusal.SUBJECT_NOT_BELOW.because(unit.code + " (" + unit.path + ") is not below the session's unit "
                        + sessionPath + ": a committee evaluates the units below it, never itself, those above it or "
                        + "another committee's", "categories.subjects.unit");
            }
            return new SessionDefinition.Subject(unit.code, unit.name);
        }
        if (input.person() != null) {
            LocalDate first = LocalDate.of(year, 1, 1);
            LocalDate last = LocalDate.of(year, 12, 31);
            NamedPerson person = NamedPerson.of(input.person(), input.name(), post -> OrgPath.isWithin(post.orgPath, scope)
                    && OrgPath.isWithin(post.orgPath, sessionPath) && !post.orgPath.equals(sessionPath)
                    && !post.termStart.isAfter(last) && (post.termEnd == null || !post.termEnd.isBefore(first)),
                    "held a post below the session's unit " + sessionPath + " in " + year, "categories.subjects.person");
            return new SessionDefinition.Subject(person.id().toString(), person.name());
        }
        if (input.id() == null || input.id().isBlank() || input.name() == null || input.name().isBlank()) {
            throw Refusal.INVALID_SUBJECT.because("give unit, person, or id and name", "categories.subjects");
        }
        if (ReplicatedOrgUnit.findById(input.id()) != null) { // so that a subject's id alone says what it is
            throw Refusal.INVALID_SUBJECT.because(input.id() + " is an org unit's code: name it as unit",
                    "categories.subjects.id");
        }
        if (registered(input.id())) {
            throw Refusal.INVALID_SUBJECT.because(input.id() + " is a person of the registry: name them as person",
                    "categories.subjects.id");
        }
        return new SessionDefinition.Subject(input.id(), input.name(), true);
    }

    /** Whether a subject's id is a person of the registry's, who is named as {@code person}. */
    private static boolean registered(String id) {
        try {
            return ReplicatedPerson.findById(UUID.fromString(id)) != null;
        } catch (IllegalArgumentException notAnId) {
            return false;
        }
    }

    private static BallotResultsSealed announcement(EvaluationSession session, SealedResult sealed) {
        var subjects = sealed.tally.categories().stream().flatMap(category -> category.subjects().stream()
                .map(s -> new BallotResultsSealed.SubjectResult(category.code(), s.subject(),
                        ReplicatedOrgUnit.findById(s.subject()) != null ? BallotResultsSealed.SubjectKind.UNIT
                                : BallotResultsSealed.SubjectKind.PERSON, s.name(), s.weightedTotal(),
                        s.rank(), s.byType().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                                e -> new BallotResultsSealed.TypeResult(e.getValue().counts(), e.getValue().valid(),
                                        e.getValue().invalid(), e.getValue().topShare(), e.getValue().score()),
                                (a, b) -> a, LinkedHashMap::new)))))
                .toList();
        var scale = session.definition.scale().stream()
                .map(grade -> new BallotResultsSealed.GradeValue(grade.label(), grade.value())).toList();
        return new BallotResultsSealed(session.id, session.orgCode, session.orgPath, session.title, session.heldOn,
                session.assessmentYear, scale, sealed.digest, subjects);
    }
}
