package party.ballot.tally;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The fingerprint of an anonymous ballot box, independent of the order ballots were cast or stored:
 * each ballot becomes one canonical line ({@code type|status|subject=grade;…}, marks sorted), the lines
 * are sorted, and SHA-256 is taken over them joined by newlines. Anyone holding the box recomputes it.
 */
public final class BallotBoxDigest {

    private BallotBoxDigest() {
    }

    public static String of(List<Tally.Ballot> box) {
        String canonical = box.stream().map(BallotBoxDigest::line).sorted().collect(Collectors.joining("\n"));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static String line(Tally.Ballot ballot) {
        return ballot.type() + "|" + ballot.status() + "|" + ballot.marks().stream()
                .sorted(Comparator.comparing(Mark::subject).thenComparing(Mark::grade))
                .map(m -> m.subject() + "=" + m.grade())
                .collect(Collectors.joining(";"));
    }
}
