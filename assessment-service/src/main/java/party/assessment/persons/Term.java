package party.assessment.persons;

import java.time.LocalDate;

/** The days a post is held, both ends included; an open term ({@code end} null) runs until it is ended. */
public record Term(LocalDate start, LocalDate end) {

    public boolean open() {
        return end == null;
    }

    public boolean overlaps(Term other) {
        return (end == null || !end.isBefore(other.start)) && (other.end == null || !other.end.isBefore(start));
    }

    public boolean holds(LocalDate day) {
        return !day.isBefore(start) && (end == null || !day.isAfter(end));
    }
}
