package party.rectification.items;

import java.time.LocalDate;

/** A dated stage of a plan's measures; {@code doneOn} is set when the unit records it as reached. */
public record Milestone(String title, LocalDate due, LocalDate doneOn) {

    Milestone done(LocalDate day) {
        return new Milestone(title, due, day);
    }
}
