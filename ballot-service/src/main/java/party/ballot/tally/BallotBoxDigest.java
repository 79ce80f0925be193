package party.ballot.tally;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The fingerprint of an anonymous ballot box, independent of the order ballots were cast or stored:
 * each ballot becomes one canonical line ({@code type|status|subject=grade;…}, marks sorted), each line
 * is hashed with SHA-256, the 32-byte hashes are sorted, and the digest is SHA-256 over them in that order.
 * Anyone holding the box recomputes it (docs/recount.md).
 */
public final class BallotBoxDigest {

    private static final Comparator<Mark> CANONICAL = Comparator.comparing(Mark::subject).thenComparing(Mark::grade);

    private final List<byte[]> ballots = new ArrayList<>();

    public static String of(List<Tally.Ballot> box) {
        var digest = new BallotBoxDigest();
        box.forEach(digest::add);
        return digest.digest();
    }

    public static String line(Tally.Ballot ballot) {
        return ballot.type() + lineAfterType(ballot.status(), ballot.marks());
    }

    /** The canonical line from the separator after the ballot type on: casting lets PostgreSQL prepend the type. */
    public static String lineAfterType(BallotCheck.Status status, List<Mark> marks) {
        Mark[] sorted = marks.toArray(Mark[]::new);
        Arrays.sort(sorted, CANONICAL);
        var line = new StringBuilder(16 + 16 * sorted.length).append('|').append(status).append('|');
        for (int i = 0; i < sorted.length; i++) {
            line.append(i == 0 ? "" : ";").append(sorted[i].subject()).append('=').append(sorted[i].grade());
        }
        return line.toString();
    }

    /** The SHA-256 of the ballot's canonical line. */
    public static byte[] hash(Tally.Ballot ballot) {
        return sha256().digest(line(ballot).getBytes(StandardCharsets.UTF_8));
    }

    /** Takes one ballot; only its 32-byte hash is kept, so a large box needs little memory. */
    public void add(Tally.Ballot ballot) {
        add(hash(ballot));
    }

    public void add(byte[] ballotHash) {
        ballots.add(ballotHash);
    }

    public String digest() {
        ballots.sort(Arrays::compareUnsigned);
        MessageDigest all = sha256();
        ballots.forEach(all::update);
        return HexFormat.of().formatHex(all.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
