package party.orgreplica.persons;

import java.util.UUID;
import java.util.function.Predicate;
import party.common.problem.Refusal;

/**
 * A person a record names (定向到人): one of the registry, by id, with the name the registry gives them; or someone
 * outside it, by name only, marked as such ({@link #outsideRegistry}).
 */
public record NamedPerson(UUID id, String name) {

    public static final NamedPerson NOBODY = new NamedPerson(null, null);

    /**
     * The registered person with this id when one of their posts meets {@code post} ({@code what} says how, for the
     * refusal); otherwise 400 naming {@code idField}, the same for a person who does not exist. Without an id, the
     * name as given. A name given with an id must be the registry's.
     */
    public static NamedPerson of(UUID id, String name, Predicate<ReplicatedPost> post, String what, String idField) {
        if (id == null) {
            return name == null || name.isBlank() ? NOBODY : new NamedPerson(null, name.strip());
        }
        ReplicatedPerson person = ReplicatedPerson.findById(id);
        if (person == null || ReplicatedPost.<ReplicatedPost>list("personId", id).stream().noneMatch(post)) {
            throw Refusal.UNKNOWN_PERSON.because("no person " + id + " " + what, idField);
        }
        if (name != null && !name.isBlank() && !name.strip().equals(person.name)) {
            throw Refusal.UNKNOWN_PERSON.because("the registry names person " + id + " " + person.name + ", not "
                    + name.strip() + ": leave the name out, or name someone outside the registry without an id", idField);
        }
        return new NamedPerson(person.id, person.name);
    }

    /** The predicate of a post in the unit with this code held on {@code day}, or in any term when day is null. */
    public static Predicate<ReplicatedPost> inUnit(String unitCode, java.time.LocalDate day) {
        return post -> post.unitCode.equals(unitCode) && (day == null || post.heldOn(day));
    }

    /** A name without a registry entry: what a record shows as 非名册人员. */
    public boolean outsideRegistry() {
        return id == null && name != null;
    }
}
