package party.ballot.sessions;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import party.ballot.casting.BallotBox;
import party.common.audit.Unrecorded;
import party.ballot.casting.VotingCredential;

/**
 * Voting with a one-time code, from a phone that scanned it: no account, so no token; the code is the
 * credential. The gateway lets exactly these paths through unauthenticated.
 */
@Path("/cast")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermitAll
public class CastingResource {

    private final BallotBox box;

    public CastingResource(BallotBox box) {
        this.box = box;
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "The ballot a one-time code opens; does not use the code")
    public SessionViews.BallotForm form(@PathParam("code") String code) {
        VotingCredential credential = box.credentialForCode(code);
        return SessionViews.BallotForm.of(EvaluationSession.findById(credential.sessionId), credential);
    }

    @POST
    @Unrecorded
    @Operation(summary = "Cast with a one-time code: once; a malformed ballot is refused without using the code")
    public SessionViews.Receipt cast(@Valid @NotNull SessionCommands.CastWithCode ballot) {
        return SessionViews.Receipt.of(box.castWithCode(ballot.sessionId(), ballot.code(), ballot.marks()));
    }
}
