package party.ballot.casting;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import party.ballot.sessions.EvaluationSession;
import party.ballot.sessions.SessionCommands;
import party.ballot.sessions.SessionViews;
import party.ballot.sessions.Sessions;
import party.common.audit.Unrecorded;
import party.common.scope.OrgScope;
import party.common.scope.Roles;

/** A session's credentials and ballots: issued by organizers in scope, cast by bound accounts, entered by tellers. */
@Path("/sessions/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
public class VotingResource {

    private final Sessions sessions;
    private final Credentials credentials;
    private final Casting casting;
    private final Turnouts turnouts;
    private final OrgScope scope;
    private final JsonWebToken caller;
    private final String voteUrl;

    public VotingResource(Sessions sessions, Credentials credentials, Casting casting, Turnouts turnouts,
                          OrgScope scope, JsonWebToken caller, @ConfigProperty(name = "ballot.vote-url") String voteUrl) {
        this.sessions = sessions;
        this.credentials = credentials;
        this.casting = casting;
        this.turnouts = turnouts;
        this.scope = scope;
        this.caller = caller;
        this.voteUrl = voteUrl;
    }

    @POST
    @Path("/codes")
    @Operation(summary = "Issue one-time voting codes for a ballot type; shown once, only their hash is kept. Each "
            + "comes with its voting link (qr) and that link's QR symbol (qrImage: an SVG path over size × size "
            + "modules) for the printed slip")
    public Map<String, Object> issueCodes(@PathParam("id") UUID id, @Valid @NotNull SessionCommands.IssueCodes command) {
        EvaluationSession session = sessions.visible(id, scope.root());
        var codes = credentials.issueCodes(session, command.ballotType(), command.count()).stream()
                .map(c -> {
                    String link = voteUrl + "?code=" + c.code();
                    return Map.of("code", c.code(), "ballotType", c.ballotType(), "qr", link, "qrImage", QrImage.of(link));
                })
                .toList();
        return Map.of("sessionId", session.id, "title", session.title, "codes", codes);
    }

    @POST
    @Path("/voters")
    @Operation(summary = "Bind Keycloak accounts (user names) to the session as voters of a ballot type")
    public Map<String, Integer> bindVoters(@PathParam("id") UUID id, @Valid @NotNull SessionCommands.BindVoters command) {
        EvaluationSession session = sessions.visible(id, scope.root());
        return Map.of("bound", credentials.bindAccounts(session, command.ballotType(), command.accounts()));
    }

    @GET
    @Path("/turnout")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.TELLER})
    @Operation(summary = "Credentials issued and used, paper sheets handed out, entered and outstanding, per ballot "
            + "type; never partial results")
    public List<Turnouts.Turnout> turnout(@PathParam("id") UUID id) {
        return turnouts.of(sessions.visible(id, scope.root()));
    }

    @PUT
    @Path("/paper-sheets")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.TELLER})
    @Operation(summary = "Before opening: how many paper sheets of a ballot type are handed out; tellers enter no more")
    public List<Turnouts.Turnout> handOutSheets(@PathParam("id") UUID id,
                                                @Valid @NotNull SessionCommands.PaperSheets command) {
        EvaluationSession session = sessions.visible(id, scope.root());
        credentials.handOutSheets(session, command.ballotType(), command.count());
        return turnouts.of(session);
    }

    @POST
    @Path("/paper-ballots")
    @RolesAllowed(Roles.TELLER)
    @Operation(summary = "After closing, before sealing: a teller enters a paper ballot, no more of a type than its "
            + "sheets handed out; several marks on one subject make it void (不得多选)")
    public SessionViews.Receipt enterPaper(@PathParam("id") UUID id, @Valid @NotNull SessionCommands.PaperBallot ballot) {
        EvaluationSession session = sessions.visible(id, scope.root());
        return SessionViews.Receipt.of(casting.onPaper(session, ballot.ballotType(), ballot.marks()));
    }

    @GET
    @Path("/ballot-form")
    @RolesAllowed(Roles.VOTER)
    @Operation(summary = "The ballot of an account bound to the session")
    public SessionViews.BallotForm ballotForm(@PathParam("id") UUID id) {
        VotingCredential credential = credentials.ofAccount(id, caller.getName());
        return SessionViews.BallotForm.of(EvaluationSession.findById(id), credential.ballotType, credential.spent);
    }

    @POST
    @Path("/ballots")
    @RolesAllowed(Roles.VOTER)
    @Unrecorded
    @Operation(summary = "Cast the ballot of an account bound to the session; once")
    public SessionViews.Receipt cast(@PathParam("id") UUID id, @Valid @NotNull SessionCommands.Cast ballot) {
        return SessionViews.Receipt.of(casting.asAccount(id, caller.getName(), ballot.marks()));
    }
}
