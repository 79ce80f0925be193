package party.assessment.persons;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import party.common.problem.Refusal;
import party.common.problem.Refused;

/**
 * Who holds a post when another is appointed to it: the rules that keep one 第一责任人 per unit on any day, and a
 * person's history when they change post. Plain rules over terms, so that they are tested without a database.
 */
final class Succession {

    private Succession() {
    }

    /** A term already recorded, of whom. */
    record Held(UUID appointment, String person, Term term) {
    }

    /**
     * Checks a new term of the unit's 第一责任人 against the ones recorded: the secretary in office when the new term
     * begins, appointed before it, hands over the day before (returned, to be ended there), when the new term runs at
     * least as long as theirs would have; any other overlap is refused (an interlude within someone's term, a term
     * beginning after the new one's start), since two people would be 第一责任人 of the unit on the same day.
     */
    static Optional<Held> handOver(List<Held> firstResponsible, Term proposed) {
        Held handing = null;
        for (Held held : firstResponsible) {
            if (!held.term().overlaps(proposed)) {
                continue;
            }
            if (handing == null && held.term().start().isBefore(proposed.start()) && outlasts(proposed, held.term())) {
                handing = held;
                continue;
            }
            throw taken(held);
        }
        return Optional.ofNullable(handing);
    }

    /** A corrected term of a 第一责任人: it may overlap no other's, since a correction hands nothing over. */
    static void noOverlap(List<Held> firstResponsible, Term corrected) {
        firstResponsible.stream().filter(held -> held.term().overlaps(corrected)).findFirst().ifPresent(held -> {
            throw taken(held);
        });
    }

    private static Refused taken(Held held) {
        return Refusal.FIRST_RESPONSIBLE_TAKEN.because(held.person() + " is the unit's 第一责任人 from "
                + held.term().start() + (held.term().open() ? "" : " to " + held.term().end())
                + "; end that term first, or begin the new one after it", "termStart");
    }

    private static boolean outlasts(Term successor, Term held) {
        return successor.open() || !held.open() && !successor.end().isBefore(held.end());
    }

    /**
     * A person changing post in a unit, whose open term there ends the day before the new one begins and stays in
     * their history: the new term must begin after the current one did.
     */
    static void changeOfPost(Optional<Held> current, Term proposed) {
        current.ifPresent(held -> {
            if (!held.term().start().isBefore(proposed.start())) {
                throw Refusal.INVALID_TERM.because("the new post begins on " + proposed.start()
                        + ", not after the current one (from " + held.term().start() + ")", "termStart");
            }
        });
    }
}
