package party.ballot.tally;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Recounts a downloaded ballot box with nothing but this class and Jackson: re-checks every ballot against
 * the session's rules, tallies, recomputes the digest and compares it with the published one.
 * Usage is in docs/recount.md; exit code 0 when everything agrees, 1 when anything differs.
 */
public final class Recount {

    private Recount() {
    }

    public record Outcome(Tally.Result tally, String digest, boolean digestMatches, int verdictsDiffering) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: Recount <ballot-box.json>");
            System.exit(2);
        }
        Outcome outcome = recount(new ObjectMapper().readTree(new File(args[0])));
        for (Tally.CategoryResult category : outcome.tally().categories()) {
            System.out.println(category.name() + " (limit " + category.topLimit() + ")");
            for (Tally.SubjectResult subject : category.subjects()) {
                System.out.printf("  %-4s %-30s %s%n", subject.rank() == null ? "-" : subject.rank(), subject.name(),
                        subject.weightedTotal());
            }
        }
        System.out.println("valid " + outcome.tally().validBallots() + ", void " + outcome.tally().voidBallots());
        System.out.println("digest " + outcome.digest() + (outcome.digestMatches() ? " MATCHES" : " DIFFERS")
                + " the published digest");
        if (outcome.verdictsDiffering > 0) {
            System.out.println(outcome.verdictsDiffering + " ballots have a verdict other than the recount's");
        }
        System.exit(outcome.digestMatches() && outcome.verdictsDiffering() == 0 ? 0 : 1);
    }

    /** Recounts an export as {@code GET /sessions/{id}/ballot-box} delivers it. */
    public static Outcome recount(JsonNode export) throws IOException {
        var json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        SessionDefinition definition = json.treeToValue(export.get("definition"), SessionDefinition.class);
        List<Tally.Ballot> box = new ArrayList<>();
        int differing = 0;
        for (JsonNode ballot : export.get("ballots")) {
            List<Mark> marks = List.of(json.treeToValue(ballot.get("marks"), Mark[].class));
            // as a teller would: a ballot already in the box may carry several marks on a subject
            BallotCheck.Verdict verdict = BallotCheck.check(definition, marks, BallotCheck.Entry.PAPER);
            if (!verdict.status().name().equals(ballot.get("status").asText())) {
                differing++;
            }
            box.add(new Tally.Ballot(ballot.get("type").asText(), verdict.status(), verdict.voidReason(), marks));
        }
        String digest = BallotBoxDigest.of(box);
        return new Outcome(Tally.count(definition, box), digest, digest.equals(export.get("digest").asText()), differing);
    }
}
