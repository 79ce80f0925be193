package party.ballot.box;

/**
 * Every statement on the ballot box and its credentials, in one place. Casting is what a whole meeting hall does
 * within seconds, so it is plain JDBC and one statement with no transaction of its own: the ballot names its
 * session, is checked against that session's frozen definition, and then one statement spends the credential and
 * drops the ballot in, both or neither. The credential's ballot type is known only to the row being spent, so
 * PostgreSQL completes the ballot's canonical line with it and hashes it ({@code BallotBoxDigest.lineAfterType}).
 */
public final class BoxSql {

    /** Spends a one-time code's credential and drops the ballot in. */
    public static final String SPEND_CODE_AND_INSERT = """
            with spent as (
                update voting_credential set spent = true
                where not spent and not withdrawn and session_id = ? and code_hash = ?
                returning ballot_type)
            insert into ballot (id, session_id, ballot_type, status, void_reason, marks, line_hash)
            select gen_random_uuid(), ?, ballot_type, ?, ?, cast(? as json), sha256(convert_to(ballot_type, 'UTF8') || ?)
            from spent""";

    /** Spends a bound account's credential and drops the ballot in. */
    public static final String SPEND_ACCOUNT_AND_INSERT = """
            with spent as (
                update voting_credential set spent = true
                where not spent and not withdrawn and session_id = ? and account = ?
                returning ballot_type)
            insert into ballot (id, session_id, ballot_type, status, void_reason, marks, line_hash)
            select gen_random_uuid(), ?, ballot_type, ?, ?, cast(? as json), sha256(convert_to(ballot_type, 'UTF8') || ?)
            from spent""";

    /** The state of a code's session, when the code exists. */
    public static final String CODE_SESSION_STATE = """
            select s.state from voting_credential c join evaluation_session s on s.id = c.session_id
            where c.session_id = ? and c.code_hash = ?""";

    /** The state of a bound account's session, when the account is bound. */
    public static final String ACCOUNT_SESSION_STATE = """
            select s.state from voting_credential c join evaluation_session s on s.id = c.session_id
            where c.session_id = ? and c.account = ?""";

    /** Waits for each cast that has spent its credential; each later one finds its credential withdrawn. */
    static final String WITHDRAW_UNSPENT = "update voting_credential set withdrawn = true where session_id = ?1 and not spent";

    /** Rewrites a box under new random ids in random order. */
    static final String SHUFFLE = """
            with taken as (delete from ballot where session_id = ?1
                           returning ballot_type, status, void_reason, marks, line_hash)
            insert into ballot (id, session_id, ballot_type, status, void_reason, marks, line_hash)
            select gen_random_uuid(), ?1, ballot_type, status, void_reason, marks, line_hash
            from taken order by random()""";

    /**
     * Rewrites a session's spent credentials in random order, in the transaction that shuffles its box: a spent
     * credential no longer carries the transaction id of the cast that spent it, nor a place in the table that
     * follows the order of casting.
     */
    static final String SHUFFLE_SPENT = """
            with taken as (delete from voting_credential where session_id = ?1 and spent
                           returning id, ballot_type, code_hash, account, withdrawn)
            insert into voting_credential (id, session_id, ballot_type, code_hash, account, spent, withdrawn)
            select id, ?1, ballot_type, code_hash, account, true, withdrawn
            from taken order by random()""";

    static final String READ_BOX = "select ballot_type, status, void_reason, marks, line_hash from ballot where session_id = ?";

    /** Sets the paper sheets of a type handed out; only before opening, so no paper ballot is entered yet. */
    public static final String HAND_OUT_SHEETS = """
            insert into paper_turnout (session_id, ballot_type, sheets, ballots) values (?1, ?2, ?3, 0)
            on conflict (session_id, ballot_type) do update set sheets = excluded.sheets""";

    /**
     * Counts one more paper ballot of a type while sheets of it are left, else changes nothing: entries racing for the
     * last sheet wait on the row, and the second finds none left.
     */
    public static final String COUNT_PAPER = """
            update paper_turnout set ballots = ballots + 1
            where session_id = ?1 and ballot_type = ?2 and ballots < sheets""";

    public static final String CREDENTIALS_PER_TYPE = """
            select ballot_type, count(*), count(*) filter (where spent) from voting_credential
            where session_id = ?1 group by ballot_type""";

    public static final String PAPER_PER_TYPE = "select ballot_type, sheets, ballots from paper_turnout where session_id = ?1";

    /** Per ballot type, the ballots handed out: credentials issued (spent, withdrawn or not) and paper sheets. */
    static final String HANDED_OUT_PER_TYPE = """
            select ballot_type, sum(handed) from (
                select ballot_type, count(*) as handed from voting_credential where session_id = ?1 group by ballot_type
                union all
                select ballot_type, sheets from paper_turnout where session_id = ?1) handed_out
            group by ballot_type""";

    public static final String PAPER_OF_TYPE = "select sheets, ballots from paper_turnout where session_id = ?1 and ballot_type = ?2";

    private BoxSql() {
    }
}
