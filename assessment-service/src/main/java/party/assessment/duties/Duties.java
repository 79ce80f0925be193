package party.assessment.duties;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import party.assessment.orgunits.OrgUnit;
import party.assessment.persons.Appointment;
import party.assessment.persons.Person;
import party.assessment.persons.Post;
import party.assessment.persons.PostTaken;
import party.common.events.TaskEvent;
import party.common.events.TaskState;
import party.common.events.TaskWithdrawn;
import party.common.paging.Page;
import party.common.problem.Refusal;
import party.common.scope.OrgPath;
import party.common.scope.OrgScope;

/**
 * Responsibility lists 责任清单 (docs/domain.md §8): each leader's duties, drawn from their post when they take it and
 * from the tasks of the task list when they reach the unit, then the unit's own to edit (reword, give a task to
 * another leader, add, remove). The unit keeps its list and the committees above read it, as for duty records.
 * {@code scope} is the caller's org path.
 */
@ApplicationScoped
public class Duties {

    /** who wrote what the platform drew */
    static final String DRAWN = "platform";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /**
     * A post taken draws its duties. A correction of what the post draws from (post, business areas, party duties)
     * takes off the duties it no longer draws, as long as the unit left them as drawn, and puts on the new ones;
     * what the unit reworded, added or removed stays as the unit left it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void draw(@Observes PostTaken taken) {
        Appointment appointment = Appointment.findById(taken.appointment());
        List<String> before = taken.postBefore() == null ? List.of()
                : PostDuties.of(taken.postBefore(), taken.businessAreasBefore(), taken.partyDutiesBefore());
        List<String> now = PostDuties.of(appointment.post, appointment.businessAreas, appointment.partyDuties);
        Duty.<Duty>list("appointmentId = ?1 and origin = ?2 and removedReason is null", appointment.id,
                DutyOrigin.POST).stream().filter(duty -> before.contains(duty.title) && !now.contains(duty.title))
                .forEach(duty -> duty.remove("任职信息更正，不再是该岗位职责"));
        Instant drawnAt = Instant.now();
        for (int i = 0; i < now.size(); i++) {
            if (!before.contains(now.get(i))) {
                Duty duty = Duty.of(appointment.unitCode, appointment.orgPath, DutyOrigin.POST, now.get(i), null, DRAWN);
                duty.createdAt = drawnAt.plusNanos(i * 1000L); // the list shows them in the order the post draws them
                on(duty, appointment);
                duty.persist();
            }
        }
    }

    /**
     * Follows the task list: a task reaching a unit goes on its 第一责任人 of the day (on nobody when none is on record,
     * for the unit to assign); a withdrawn task comes off. The task itself is kept as last announced.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void follow(TaskEvent event) {
        TaskState task = event.task();
        boolean arrived = UnitTask.apply(task);
        OrgUnit unit = OrgUnit.findById(task.orgUnit());
        if (event instanceof TaskWithdrawn) {
            Duty.<Duty>list("taskId = ?1 and removedReason is null", task.taskId())
                    .forEach(duty -> duty.remove("任务已撤销"));
        } else if (arrived && unit != null) {
            Duty duty = Duty.of(unit.code, unit.path, DutyOrigin.TASK, task.title(), task.year(), DRAWN);
            duty.taskId = task.taskId();
            LocalDate today = LocalDate.now(ZONE);
            Appointment.<Appointment>list("unitCode = ?1 and post = ?2", unit.code, Post.SECRETARY).stream()
                    .filter(held -> held.heldOn(today)).findFirst().ifPresent(held -> on(duty, held));
            duty.persist();
        }
    }

    @Transactional
    public DutyView add(DutyCommands.Add command, String scope, String actor) {
        OrgUnit unit = OrgUnit.<OrgUnit>find("path", scope).firstResultOptional().orElseThrow(() ->
                Refusal.WRONG_SIDE.because("a unit keeps its own responsibility list: act for the unit", null));
        Duty duty = Duty.of(unit.code, unit.path, DutyOrigin.UNIT, command.title().strip(), command.year(), actor);
        on(duty, postIn(unit.code, command.personId(), command.year()));
        duty.persist();
        return view(duty);
    }

    @Transactional
    public DutyView correct(UUID id, DutyCommands.Correct command, String scope) {
        Duty duty = kept(id, scope);
        if (command.version() != null && command.version() != duty.version) {
            throw Refusal.STALE_VERSION.because("version " + command.version() + " was read; it is now "
                    + duty.version, "version");
        }
        if (!command.personId().equals(duty.personId)) {
            if (duty.origin == DutyOrigin.POST) {
                throw Refusal.VALIDATION.because("a post's duty goes with the post: correct the appointment instead",
                        "personId");
            }
            on(duty, postIn(duty.unitCode, command.personId(), duty.year));
        }
        duty.title = command.title().strip();
        Duty.flush(); // the answer carries the new version
        return view(duty);
    }

    @Transactional
    public DutyView remove(UUID id, String reason, String scope) {
        Duty duty = kept(id, scope);
        duty.remove(reason);
        return view(duty);
    }

    public DutyView get(UUID id, String scope) {
        return view(OrgPath.visible(Duty.<Duty>findById(id), duty -> duty.orgPath, scope));
    }

    /** A filter of the lists; each part optional. A year shows the post duties of posts held in it. */
    public record Filter(String unit, UUID person, Integer year, boolean removed) {
    }

    /** Duties in scope, by unit, then leader by name (unassigned first), then as the list was drawn. */
    public Page<DutyView> list(Filter filter, int page, int size, String scope) {
        StringBuilder where = new StringBuilder(OrgScope.condition("d.orgPath"));
        Parameters parameters = OrgScope.bind(new Parameters(), "scope", scope);
        if (filter.unit() != null) {
            where.append(" and d.unitCode = :unit");
            parameters.and("unit", filter.unit());
        }
        if (filter.person() != null) {
            where.append(" and d.personId = :person");
            parameters.and("person", filter.person());
        }
        if (filter.year() != null) {
            where.append(" and (d.year = :year or (d.year is null and exists (select 1 from Appointment a where "
                    + "a.id = d.appointmentId and a.termStart <= :last and (a.termEnd is null or a.termEnd >= :first))))");
            parameters.and("year", filter.year()).and("first", LocalDate.of(filter.year(), 1, 1))
                    .and("last", LocalDate.of(filter.year(), 12, 31));
        }
        if (!filter.removed()) {
            where.append(" and d.removedReason is null");
        }
        var query = Duty.<Duty>find("select d from Duty d left join Person p on p.id = d.personId where " + where
                + " order by d.unitCode, p.name nulls first, d.personId, d.createdAt, d.id", parameters);
        return Page.of(query, page, size, Duties::view);
    }

    /**
     * The duty a record made in this post fulfils: on its unit's list, not removed, of the record's year (a post's
     * duty: of this very post), on the record's leader or on nobody yet; 400 otherwise.
     */
    public static Duty fulfilled(UUID dutyId, Appointment post, int year) {
        Duty duty = Duty.findById(dutyId);
        boolean fits = duty != null && !duty.removed() && duty.unitCode.equals(post.unitCode)
                && (duty.personId == null || duty.personId.equals(post.personId))
                && (duty.year == null ? post.id.equals(duty.appointmentId) : duty.year == year);
        if (!fits) {
            throw Refusal.UNKNOWN_DUTY.because("no duty " + dutyId + " of this leader's post in " + post.unitCode
                    + " for " + year + " is on the responsibility list", "dutyId");
        }
        return duty;
    }

    /** The post the person holds in the unit in the year (today's, for a post's duty), the latest when several. */
    private static Appointment postIn(String unitCode, UUID personId, Integer year) {
        int y = year == null ? LocalDate.now(ZONE).getYear() : year;
        LocalDate first = LocalDate.of(y, 1, 1);
        LocalDate last = LocalDate.of(y, 12, 31);
        Optional<Appointment> held = Appointment.<Appointment>list("personId = ?1 and unitCode = ?2", personId, unitCode)
                .stream().filter(a -> !a.termStart.isAfter(last) && (a.termEnd == null || !a.termEnd.isBefore(first)))
                .max(Comparator.comparing((Appointment a) -> a.termStart));
        return held.orElseThrow(() -> Refusal.UNKNOWN_PERSON.because("no person " + personId + " held a post in "
                + unitCode + " in " + y, "personId"));
    }

    private static void on(Duty duty, Appointment post) {
        duty.personId = post.personId;
        duty.appointmentId = post.id;
    }

    private static Duty kept(UUID id, String scope) {
        Duty duty = OrgPath.kept(Duty.<Duty>findById(id), d -> d.orgPath, scope, "responsibility list");
        if (duty.removed()) {
            throw Refusal.ILLEGAL_STEP.because("the duty was removed (" + duty.removedReason + "): add it anew", null);
        }
        return duty;
    }

    public static DutyView view(Duty duty) {
        Person person = duty.personId == null ? null : Person.findById(duty.personId);
        Appointment post = duty.appointmentId == null ? null : Appointment.findById(duty.appointmentId);
        UnitTask task = duty.taskId == null ? null : UnitTask.findById(duty.taskId);
        return new DutyView(duty.id, duty.unitCode, OrgUnit.nameOf(duty.unitCode), duty.personId,
                person == null ? null : person.name, post == null ? null : post.post.label(), duty.origin,
                duty.origin.label(), duty.title, duty.year, task == null ? null : new DutyView.Task(task.taskId,
                task.number, task.deadline, task.state, task.stateLabel == null ? task.state : task.stateLabel,
                task.closedOn, task.onTime),
                duty.removed(), duty.removedReason, duty.version);
    }
}
