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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import party.common.paging.Page;
import party.common.scope.OrgScope;
import party.common.scope.Roles;

/** 述职评议 sessions: defined, opened, closed and sealed by organizers in scope (voting: {@code casting}). */
@Path("/sessions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
public class SessionResource {

    private final Sessions sessions;
    private final OrgScope scope;

    public SessionResource(Sessions sessions, OrgScope scope) {
        this.sessions = sessions;
        this.scope = scope;
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
