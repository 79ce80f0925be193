package party.assessment.persons;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import party.assessment.orgunits.OrgUnit;
import party.common.events.PersonRecorded;
import party.common.events.PersonState;
import party.common.outbox.Outbox;
import party.common.paging.Page;
import party.common.problem.Problem;
import party.common.problem.Refusal;
import party.common.scope.OrgPath;
import party.common.scope.OrgScope;
import party.common.scope.UnitMoved;
import party.common.sheets.SheetRows;

/**
 * The registry of leaders and their posts. A committee keeps the leaders of the units below it (下管一级): the unit
 * of an appointment lies strictly below the caller's own, never the caller's unit itself (docs/domain.md §7–8).
 * Reads show a person to anyone whose scope holds one of their appointments, with those appointments only.
 * Every change is announced on {@code org.persons} through the outbox, the person's whole state, in the same
 * transaction. {@code scope} is the caller's org path.
 */
@ApplicationScoped
public class Persons {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** The days a term may name: a mistyped year (0026, or an Excel day number read as one) is refused, not stored. */
    private static final LocalDate EARLIEST = LocalDate.of(1949, 10, 1);
    private static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private final Validator validator;
    private final Outbox outbox;
    private final Event<PostTaken> postTaken;

    public Persons(Validator validator, Outbox outbox, Event<PostTaken> postTaken) {
        this.validator = validator;
        this.outbox = outbox;
        this.postTaken = postTaken;
    }

    /**
     * What an import stored: rows registered or appointed anew, rows the registry already held as they are (a sheet
     * sent again changes nothing), and each row refused, with its column and why.
     */
    public record Imported(int imported, int unchanged, List<Problem.FieldError> refused) {
    }

    @Transactional
    public PersonView register(PersonCommands.Register command, String scope) {
        return view(announced(registered(command, scope)), scope);
    }

    /**
     * Registers the leaders of a sheet ({@link LeaderSheet}), row by row under the same rules as one by one. A row
     * naming a person the registry holds (by account, or by name in the same unit) is a post of theirs, and one they
     * already hold changes nothing. Every row or none: one refused row refuses the sheet, listing each refused row;
     * with {@code validRowsOnly} the good rows are stored and the refused ones listed.
     */
    @Transactional
    public Imported importLeaders(InputStream sheet, String mediaType, boolean validRowsOnly, String scope)
            throws IOException {
        var rows = new SheetRows(validator, LeaderSheet::column);
        for (LeaderSheet.Line line : LeaderSheet.read(sheet, mediaType)) {
            rows.take(line.line(), line.register(), line.column(), line.reason(), register -> {
                lockUnit(register.appointment().unit(), scope); // before any of its posts is read
                Person known = known(register, scope);
                if (known == null) {
                    announced(registered(register, scope));
                    return true;
                }
                if (holds(known, register.appointment())) {
                    return false;
                }
                appoint(known, register.appointment(), scope, () -> { });
                announced(known);
                return true;
            });
        }
        rows.refuseSheetUnless(validRowsOnly, "registered");
        return new Imported(rows.changed(), rows.unchanged(), rows.refused());
    }

    /** The person a sheet's row names, when the registry holds them: by account, or by name in the row's unit. */
    private static Person known(PersonCommands.Register row, String scope) {
        Person person = row.account() == null ? null
                : Person.<Person>find("account", account(row.account())).firstResult();
        if (person == null) {
            person = Person.<Person>find("from Person p where p.name = ?1 and exists (select 1 from Appointment a "
                    + "where a.personId = p.id and a.unitCode = ?2)", row.name(), row.appointment().unit()).firstResult();
        }
        return person == null || Appointment.<Appointment>list("personId", person.id).stream()
                .noneMatch(held -> OrgPath.isWithin(held.orgPath, scope)) ? null : person;
    }

    private static boolean holds(Person person, PersonCommands.Appoint appointment) {
        return Appointment.count("personId = ?1 and unitCode = ?2 and post = ?3 and termStart = ?4", person.id,
                appointment.unit(), appointment.post(), appointment.termStart()) > 0;
    }

    @Transactional
    public PersonView appoint(UUID id, PersonCommands.Appoint command, String scope) {
        lockUnit(command.unit(), scope); // before the person's appointments are read: they must be the latest
        Person person = visible(id, scope);
        appoint(person, command, scope, () -> { });
        return view(announced(person), scope);
    }

    private Person registered(PersonCommands.Register command, String scope) {
        Person person = Person.create(command.name(), account(command.account()));
        requireAccountFree(person.account, person.id);
        appoint(person, command.appointment(), scope, person::persist);
        return person;
    }

    @Transactional
    public PersonView endTerm(UUID id, UUID appointmentId, PersonCommands.EndTerm command, String scope) {
        Appointment appointment = lockedAppointment(id, appointmentId, scope);
        if (command.termEnd().isBefore(appointment.termStart)) {
            throw Refusal.INVALID_TERM.because("a term cannot end before it began (" + appointment.termStart + ")",
                    "termEnd");
        }
        if (appointment.termEnd != null && !command.termEnd().isBefore(appointment.termEnd)) {
            throw Refusal.INVALID_TERM.because("the term already ended on " + appointment.termEnd, "termEnd");
        }
        appointment.endOn(command.termEnd());
        return view(announced(Person.findById(id)), scope);
    }

    /**
     * Puts a mistake in an appointment right: its post, term, areas or duties as they should have been entered. The
     * rules hold as for a new one, except that a correction hands nothing over: overlapping another 第一责任人 is
     * refused, and ending the other's term, if that is what happened, is a step of its own.
     */
    @Transactional
    public PersonView correctAppointment(UUID id, UUID appointmentId, PersonCommands.CorrectAppointment command,
                                         String scope) {
        Appointment appointment = lockedAppointment(id, appointmentId, scope);
        Term term = command.term();
        requireTermWithinBounds(term);
        if (command.post().firstResponsible()) {
            Succession.noOverlap(Appointment.<Appointment>list("unitCode", appointment.unitCode).stream()
                    .filter(held -> held.post.firstResponsible() && !held.id.equals(appointment.id))
                    .map(held -> held(held, nameOf(held.personId))).toList(), term);
        }
        var before = new PostTaken(appointment.id, appointment.post, appointment.businessAreas, appointment.partyDuties);
        appointment.correct(command.post(), command.businessAreas(), command.partyDuties(), term);
        postTaken.fire(before);
        return view(announced(Person.findById(id)), scope);
    }

    /**
     * A person's appointment, read after its unit is locked (so it is the latest), within scope, kept by the caller's
     * side; 404 as for one that does not exist otherwise.
     */
    private static Appointment lockedAppointment(UUID personId, UUID appointmentId, String scope) {
        Object[] where = Appointment.getEntityManager()
                .createQuery("select a.unitCode, a.orgPath from Appointment a where a.id = :id", Object[].class)
                .setParameter("id", appointmentId).getResultStream().findFirst().orElse(null);
        if (where == null || !OrgPath.isWithin((String) where[1], scope)) {
            throw Refusal.unknown();
        }
        lockUnit((String) where[0], scope);
        visible(personId, scope);
        Appointment appointment = Appointment.findById(appointmentId);
        if (!appointment.personId.equals(personId)) {
            throw Refusal.unknown();
        }
        return appointment;
    }

    @Transactional
    public PersonView correct(UUID id, PersonCommands.Correct command, String scope) {
        Person person = visible(id, scope);
        if (command.version() != null && command.version() != person.version) {
            throw Refusal.STALE_VERSION.because("version " + command.version() + " was read; it is now "
                    + person.version, "version");
        }
        boolean keeper = Appointment.<Appointment>list("personId", person.id).stream()
                .anyMatch(held -> OrgPath.isWithin(held.orgPath, scope) && !held.orgPath.equals(scope));
        if (!keeper) {
            throw Refusal.WRONG_SIDE.because("the committee above keeps a unit's leaders, not the unit itself",
                    "name");
        }
        requireAccountFree(account(command.account()), person.id);
        person.correct(command.name(), account(command.account()));
        return view(announced(person), scope);
    }

    public PersonView get(UUID id, String scope) {
        return view(visible(id, scope), scope);
    }

    /** The people holding or having held a post in scope (in {@code unit} when given), by name. */
    public Page<PersonView> list(String unit, int page, int size, String scope) {
        String where = "exists (select 1 from Appointment a where a.personId = p.id and " + OrgScope.condition("a.orgPath")
                + (unit == null ? "" : " and a.unitCode = :unit") + ")";
        Parameters parameters = OrgScope.bind(new Parameters(), "scope", scope);
        if (unit != null) {
            parameters.and("unit", unit);
        }
        var query = Person.<Person>find("from Person p where " + where + " order by p.name, p.id", parameters);
        return Page.of(query, page, size, person -> view(person, scope));
    }

    /** Checks the appointment against the rules, then (and only then) writes: {@code first} and the appointment. */
    private void appoint(Person person, PersonCommands.Appoint command, String scope, Runnable first) {
        Term term = command.term();
        requireTermWithinBounds(term);
        OrgUnit unit = OrgUnit.inUse(lockUnit(command.unit(), scope), "unit"); // serializes the unit's posts
        List<Appointment> ofUnit = Appointment.list("unitCode", unit.code);
        Optional<Appointment> ownOpen = ofUnit.stream()
                .filter(held -> held.personId.equals(person.id) && held.termEnd == null).findFirst();
        Succession.changeOfPost(ownOpen.map(held -> held(held, person.name)), term);
        Optional<Succession.Held> handing = Optional.empty();
        if (command.post().firstResponsible()) {
            var firstResponsible = ofUnit.stream().filter(held -> held.post.firstResponsible())
                    .filter(held -> ownOpen.map(own -> !own.id.equals(held.id)).orElse(true))
                    .map(held -> held(held, nameOf(held.personId))).toList();
            handing = Succession.handOver(firstResponsible, term);
        }
        first.run();
        handing.ifPresent(held -> {
            Appointment handedOver = Appointment.findById(held.appointment());
            handedOver.endOn(term.start().minusDays(1));
            announced(Person.findById(handedOver.personId));
        });
        ownOpen.ifPresent(held -> held.endOn(term.start().minusDays(1)));
        var appointment = new Appointment();
        appointment.id = UUID.randomUUID();
        appointment.personId = person.id;
        appointment.unitCode = unit.code;
        appointment.orgPath = unit.path;
        appointment.post = command.post();
        appointment.businessAreas = command.businessAreas();
        appointment.partyDuties = command.partyDuties();
        appointment.termStart = term.start();
        appointment.termEnd = term.end();
        appointment.createdAt = Instant.now();
        appointment.persist();
        postTaken.fire(new PostTaken(appointment.id, null, null, null));
    }

    /**
     * A unit took a new path: its leaders are announced again, posts and paths as they now stand, so a replica that
     * reads {@code org.persons} after {@code org.units} holds the new path too. Runs after {@code MovedPaths}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void follow(@Observes UnitMoved moved) {
        Appointment.<Appointment>list("unitCode", moved.code()).stream().map(held -> held.personId).distinct()
                .forEach(id -> announced(Person.findById(id)));
    }

    /**
     * Announces the person's whole state: after every change of theirs, and of a 第一责任人 whose term a successor's
     * ended.
     */
    private Person announced(Person person) {
        person.updatedAt = Instant.now();
        Person.flush();
        // a new version even when only posts changed, and row-locked: replicas order changes by it
        Person.getEntityManager().lock(person, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        List<Appointment> posts = Appointment.list("personId = ?1 order by termStart desc, createdAt desc", person.id);
        outbox.publish(new PersonRecorded(new PersonState(person.id, person.name, person.account,
                posts.stream().map(held -> new PersonState.Held(held.id, held.unitCode, held.orgPath, held.post.name(),
                        held.post.label(), held.termStart, held.termEnd)).toList(), person.version)));
        return person;
    }

    private static void requireTermWithinBounds(Term term) {
        if (term.end() != null && term.end().isBefore(term.start())) {
            throw Refusal.INVALID_TERM.because("a term cannot end before it begins", "termEnd");
        }
        for (var day : new LocalDate[] {term.start(), term.end()}) {
            if (day != null && (day.isBefore(EARLIEST) || day.isAfter(LATEST))) {
                throw Refusal.INVALID_TERM.because(day + " is not a day of a term (" + EARLIEST + " to " + LATEST
                        + ")", day == term.start() ? "termStart" : "termEnd");
            }
        }
    }

    /** The unit, locked against other appointments in it until the transaction ends; refused as {@link #keptHere}. */
    private static OrgUnit lockUnit(String code, String scope) {
        OrgUnit unit = OrgUnit.withinScope(code, scope, "unit");
        OrgUnit locked = OrgUnit.findById(unit.code, LockModeType.PESSIMISTIC_WRITE);
        keptHere(locked, scope);
        return locked;
    }

    /** Keycloak user names are lower case. */
    private static String account(String account) {
        return account == null ? null : account.toLowerCase(Locale.ROOT);
    }

    /** The committee above keeps the unit's leaders (at any depth below it), the unit itself does not. */
    private static void keptHere(OrgUnit unit, String scope) {
        if (unit.path.equals(scope)) {
            throw Refusal.WRONG_SIDE.because("the committee above keeps the leaders of " + unit.code
                    + ", not the unit itself", "unit");
        }
    }

    private static Succession.Held held(Appointment appointment, String name) {
        return new Succession.Held(appointment.id, name, appointment.term());
    }

    private static String nameOf(UUID personId) {
        Person person = Person.findById(personId);
        return person.name;
    }

    private static void requireAccountFree(String account, UUID self) {
        if (account != null && Person.<Person>find("account = ?1 and id <> ?2", account, self).count() > 0) {
            throw Refusal.ACCOUNT_TAKEN.because("the account " + account + " is another person's", "account");
        }
    }

    /** The person when one of their appointments lies in scope; otherwise 404, as for a person who does not exist. */
    private static Person visible(UUID id, String scope) {
        Person person = Person.findById(id);
        if (person == null || Appointment.<Appointment>list("personId", id).stream()
                .noneMatch(held -> OrgPath.isWithin(held.orgPath, scope))) {
            throw Refusal.unknown();
        }
        return person;
    }

    private static PersonView view(Person person, String scope) {
        LocalDate today = LocalDate.now(ZONE);
        var held = Appointment.<Appointment>list("personId", person.id).stream()
                .filter(appointment -> OrgPath.isWithin(appointment.orgPath, scope))
                .sorted(Comparator.comparing((Appointment a) -> a.termStart).reversed())
                .map(appointment -> {
                    OrgUnit unit = OrgUnit.findById(appointment.unitCode);
                    return new PersonView.Held(appointment.id, appointment.unitCode, unit.name, appointment.post,
                            appointment.post.label(), appointment.businessAreas, appointment.partyDuties,
                            appointment.termStart, appointment.termEnd, appointment.term().holds(today));
                }).toList();
        return new PersonView(person.id, person.name, person.account, person.version, held);
    }
}
