package party.common.scope;

/** Realm roles of the {@code party} Keycloak realm (deploy/keycloak). */
public final class Roles {

    public static final String ADMIN = "admin";
    /** 组织部: schemes, sessions, the org-unit registry */
    public static final String ORGANIZER = "organizer";
    /** department scoring */
    public static final String REVIEWER = "reviewer";
    /** 巡察 */
    public static final String INSPECTOR = "inspector";
    /** 纪委: clues, accountability */
    public static final String DISCIPLINE = "discipline";
    /** self-assessment, plans, reports */
    public static final String UNIT_LEADER = "unit-leader";
    public static final String VOTER = "voter";
    public static final String TELLER = "teller";
    /** OA systems' service accounts */
    public static final String INTEGRATION = "integration";

    private Roles() {
    }
}
