package party.ballot.box;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import party.ballot.tally.BallotBoxDigest;
import party.ballot.tally.BallotCheck;
import party.ballot.tally.SessionDefinition;
import party.ballot.tally.Tally;

/** The stored box of a session: shuffled when voting ends, read whole when it is sealed or exported. */
@ApplicationScoped
public class BallotBox {

    private static final int CHUNK = 1_000;

    private final EntityManager em;
    private final DataSource dataSource;

    public BallotBox(EntityManager em, DataSource dataSource) {
        this.em = em;
        this.dataSource = dataSource;
    }

    /**
     * Ends casting into a session that has just been set CLOSED: withdraws its unspent credentials, then rewrites its
     * box under new random ids in random order, and its spent credentials in another random order, so neither row ids,
     * physical order nor transaction ids relate a ballot to the moment, and so the credential, it was cast with. A cast
     * that spent its credential first makes closing wait for it, so its ballot is shuffled with the rest; one that
     * comes second finds its credential withdrawn.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void close(UUID session) {
        em.flush(); // the session's new state first: issuing waits for it (see Credentials) and then refuses
        em.createNativeQuery(BoxSql.WITHDRAW_UNSPENT).setParameter(1, session).executeUpdate();
        em.createNativeQuery(BoxSql.SHUFFLE).setParameter(1, session).executeUpdate();
        em.createNativeQuery(BoxSql.SHUFFLE_SPENT).setParameter(1, session).executeUpdate();
    }

    /** A closed box, counted: the tally and the digest of its anonymous ballots. */
    public record Count(Tally.Result tally, String digest) {
    }

    /**
     * Counts a box of any size in one pass: rows stream from PostgreSQL a thousand at a time, their stored
     * hashes feed the digest, and each chunk of marks is parsed and counted on a second thread while the next
     * chunk is fetched. At most four chunks wait, so memory stays small whatever the box holds.
     */
    public Count count(UUID session, SessionDefinition definition) {
        var digest = new BallotBoxDigest();
        var total = new Tally.Counter(definition);
        var counted = new ArrayList<CompletableFuture<Tally.Counter>>();
        var waiting = new Semaphore(4);
        readBox(session, rows -> {
            rows.forEach(row -> digest.add(row.lineHash()));
            waiting.acquireUninterruptibly();
            counted.add(CompletableFuture.supplyAsync(() -> countChunk(definition, rows))
                    .whenComplete((c, e) -> waiting.release()));
        });
        counted.forEach(c -> total.merge(c.join()));
        return new Count(total.result(), digest.digest());
    }

    private static Tally.Counter countChunk(SessionDefinition definition, List<BoxRow> rows) {
        var counter = new Tally.Counter(definition);
        rows.forEach(row -> counter.add(row.ballot()));
        return counter;
    }

    /** The box as plain ballots, for exports; sealing counts through {@link #count} instead. */
    public List<Tally.Ballot> contents(UUID session) {
        var ballots = new ArrayList<Tally.Ballot>();
        readBox(session, rows -> rows.forEach(row -> ballots.add(row.ballot())));
        return ballots;
    }

    /** How many ballots of each type were handed out, for the results sheet's turnout. */
    public Map<String, Long> handedOut(UUID session) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(BoxSql.HANDED_OUT_PER_TYPE).setParameter(1, session).getResultList();
        return rows.stream().collect(Collectors.toMap(row -> (String) row[0], row -> ((Number) row[1]).longValue()));
    }

    /** A row of the box; the marks as the UTF-8 JSON text PostgreSQL sent, which the parser reads as it is. */
    private record BoxRow(String type, String status, String voidReason, byte[] marks, byte[] lineHash) {

        Tally.Ballot ballot() {
            return new Tally.Ballot(type, BallotCheck.Status.valueOf(status), voidReason, StoredBallot.marks(marks));
        }
    }

    /** Hands the box over in chunks as they are fetched: inside a transaction, a thousand rows at a time. */
    private void readBox(UUID session, Consumer<List<BoxRow>> chunks) {
        try (Connection db = dataSource.getConnection(); var box = db.prepareStatement(BoxSql.READ_BOX)) {
            box.setObject(1, session);
            box.setFetchSize(CHUNK);
            try (ResultSet row = box.executeQuery()) {
                var chunk = new ArrayList<BoxRow>(CHUNK);
                while (row.next()) {
                    // getBytes hands over a json column's text as received, without decoding it into a String
                    chunk.add(new BoxRow(row.getString(1), row.getString(2), row.getString(3), row.getBytes(4),
                            row.getBytes(5)));
                    if (chunk.size() == CHUNK) {
                        chunks.accept(chunk);
                        chunk = new ArrayList<>(CHUNK);
                    }
                }
                if (!chunk.isEmpty()) {
                    chunks.accept(chunk);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the ballot box failed", e);
        }
    }
}
