package party.ballot.sessions;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import party.ballot.casting.BallotBox;
import party.ballot.casting.VotingCredential;
import party.common.audit.Unrecorded;
import party.common.paging.Page;
import party.common.scope.OrgScope;
import party.common.scope.Roles;

/** 述职评议 sessions: defined and run by organizers in scope, voted in by bound accounts, counted by tellers. */
@Path("/sessions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
public class SessionResource {

    private final Sessions sessions;
    private final BallotBox box;
    private final OrgScope scope;
    private final JsonWebToken caller;
    private final String voteUrl;

    public SessionResource(Sessions sessions, BallotBox box, OrgScope scope, JsonWebToken caller,
                           @ConfigProperty(name = "ballot.vote-url") String voteUrl) {
        this.sessions = sessions;
        this.box = box;
        this.scope = scope;
        this.caller = caller;
        this.voteUrl = voteUrl;
    }

    @POST
    @Operation(summary = "Define a session (DRAFT) for an org unit in scope")
    public Response create(@Valid @NotNull SessionCommands.Define command, UriInfo uri) {
        EvaluationSession session = sessions.create(command, scope.root());
        return Response.created(uri.getAbsolutePathBuilder().path(session.id.toString()).build())
                .entity(SessionViews.SessionView.of(session)).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.TELLER, Roles.INTEGRATION})
    @Operation(summary = "Sessions of the org units in the caller's scope, newest first")
    public Page<SessionViews.SessionView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                               @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        var query = EvaluationSession.<EvaluationSession>find(OrgScope.condition("orgPath") + " order by heldOn desc, title",
                scope.parameters());
        return Page.of(query, page, size, SessionViews.SessionView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.TELLER, Roles.INTEGRATION})
    public SessionViews.SessionView get(@PathParam("id") UUID id) {
        return SessionViews.SessionView.of(sessions.visible(id, scope.root()));
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Change a DRAFT session; nothing changes once it is OPEN (409)")
    public SessionViews.SessionView redefine(@PathParam("id") UUID id, @Valid @NotNull SessionCommands.Define command) {
        return SessionViews.SessionView.of(sessions.redefine(id, command, scope.root()));
    }

    @POST
    @Path("/{id}/open")
    public SessionViews.SessionView open(@PathParam("id") UUID id) {
        return SessionViews.SessionView.of(sessions.open(id, scope.root()));
    }

    @POST
    @Path("/{id}/close")
    public SessionViews.SessionView close(@PathParam("id") UUID id) {
        return SessionViews.SessionView.of(sessions.close(id, scope.root()));
    }

    @POST
    @Path("/{id}/seal")
    @Operation(summary = "Count the closed box once, store the result immutably, publish it to ballot.results")
    public SessionViews.Results seal(@PathParam("id") UUID id) {
        SealedResult sealed = sessions.seal(id, scope.root());
        return results(sessions.visible(id, scope.root()), sealed);
    }

    @POST
    @Path("/{id}/codes")
    @Operation(summary = "Issue one-time voting codes for a ballot type; shown once, only their hash is kept")
    public Map<String, Object> issueCodes(@PathParam("id") UUID id, @Valid @NotNull SessionCommands.IssueCodes command) {
        EvaluationSession session = sessions.visible(id, scope.root());
        var codes = box.issueCodes(session, command.ballotType(), command.count()).stream()
                .map(c -> Map.of("code", c.code(), "ballotType", c.ballotType(), "qr", voteUrl + "?code=" + c.code()))
                .toList();
        return Map.of("sessionId", session.id, "title", session.title, "codes", codes);
    }

    @POST
    @Path("/{id}/voters")
    @Operation(summary = "Bind Keycloak accounts (user names) to the session as voters of a ballot type")
    public Map<String, Integer> bindVoters(@PathParam("id") UUID id, @Valid @NotNull SessionCommands.BindVoters command) {
        EvaluationSession session = sessions.visible(id, scope.root());
        return Map.of("bound", box.bindAccounts(session, command.ballotType(), command.accounts()));
    }

    @GET
    @Path("/{id}/turnout")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.TELLER})
    @Operation(summary = "Credentials issued and used per ballot type, and paper ballots entered; never partial results")
    public List<BallotBox.Turnout> turnout(@PathParam("id") UUID id) {
        return box.turnout(sessions.visible(id, scope.root()));
    }

    @POST
    @Path("/{id}/paper-ballots")
    @RolesAllowed(Roles.TELLER)
    @Operation(summary = "A teller enters a paper ballot; several marks on one subject make it void (不得多选)")
    public SessionViews.Receipt enterPaper(@PathParam("id") UUID id, @Valid @NotNull SessionCommands.PaperBallot ballot) {
        EvaluationSession session = sessions.visible(id, scope.root());
        return SessionViews.Receipt.of(box.enterPaper(session, ballot.ballotType(), ballot.marks()));
    }

    @GET
    @Path("/{id}/ballot-form")
    @RolesAllowed(Roles.VOTER)
    @Operation(summary = "The ballot of an account bound to the session")
    public SessionViews.BallotForm ballotForm(@PathParam("id") UUID id) {
        VotingCredential credential = box.boundCredential(id, caller.getName());
        return SessionViews.BallotForm.of(EvaluationSession.findById(id), credential);
    }

    @POST
    @Path("/{id}/ballots")
    @RolesAllowed(Roles.VOTER)
    @Unrecorded
    @Operation(summary = "Cast the ballot of an account bound to the session; once")
    public SessionViews.Receipt cast(@PathParam("id") UUID id, @Valid @NotNull SessionCommands.Cast ballot) {
        return SessionViews.Receipt.of(box.castAsAccount(id, caller.getName(), ballot.marks()));
    }

    @GET
    @Path("/{id}/results")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.TELLER, Roles.INTEGRATION})
    @Operation(summary = "The sealed tally; 409 before sealing")
    public SessionViews.Results results(@PathParam("id") UUID id) {
        EvaluationSession session = sessions.visible(id, scope.root());
        return results(session, sessions.sealed(session));
    }

    private static SessionViews.Results results(EvaluationSession session, SealedResult sealed) {
        return new SessionViews.Results(session.id, session.title, session.heldOn, sealed.digest, sealed.sealedAt,
                sealed.tally);
    }
}
