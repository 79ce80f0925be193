package party.ballot.sessions;

/** DRAFT → OPEN → CLOSED → SEALED: defined, voting, counted on paper, results published. */
public enum SessionState {
    DRAFT, OPEN, CLOSED, SEALED
}
