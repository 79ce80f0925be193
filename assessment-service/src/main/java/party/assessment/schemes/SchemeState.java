package party.assessment.schemes;

/** DRAFT → PUBLISHED (units report, departments review, results computed) → LOCKED → ANNOUNCED; or SUPERSEDED. */
public enum SchemeState {
    DRAFT, PUBLISHED, LOCKED, ANNOUNCED, SUPERSEDED
}
