package party.ballot.casting;

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
import party.ballot.sessions.EvaluationSession;
import party.ballot.sessions.SessionCommands;
import party.ballot.sessions.SessionViews;
import party.common.audit.Unrecorded;

/**
 * Voting with a one-time code, from a phone that scanned it: no account, so no token; the code is the
 * credential. The gateway lets exactly these paths through unauthenticated.
 */
@Path("/cast")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermitAll
public class CastingResource {

    private final Credentials credentials;
    private final Casting casting;

    public CastingResource(Credentials credentials, Casting casting) {
        this.credentials = credentials;
        this.casting = casting;
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "The ballot a one-time code opens; does not use the code")
    public SessionViews.BallotForm form(@PathParam("code") String code) {
        VotingCredential credential = credentials.ofCode(code);
        return SessionViews.BallotForm.of(EvaluationSession.findById(credential.sessionId), credential.ballotType,
                credential.spent);
    }

    @POST
    @Unrecorded
    @Operation(summary = "Cast with a one-time code: once; a malformed ballot is refused without using the code")
    public SessionViews.Receipt cast(@Valid @NotNull SessionCommands.CastWithCode ballot) {
        return SessionViews.Receipt.of(casting.withCode(ballot.sessionId(), ballot.code(), ballot.marks()));
    }
}
