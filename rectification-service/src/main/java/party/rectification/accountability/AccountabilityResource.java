package party.rectification.accountability;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import party.common.scope.OrgScope;
import party.common.scope.Roles;
import party.orgreplica.persons.NamedPerson;

/** Accountability decisions on an item, recorded by the discipline commission within its scope. */
@Path("/items/{id}/accountability")
@Produces(MediaType.APPLICATION_JSON)
public class AccountabilityResource {

    /**
     * @param personId a person of the registry who holds or held a post in the item's unit, whose name the decision
     *                 takes; without it, {@code person} names someone outside the registry
     */
    public record Decide(@Size(max = 100) String person, UUID personId, @Size(max = 200) String post,
                         @NotNull Disposition disposition, @Size(max = 4000) String justification) {
    }

    /** @param personOutsideRegistry the person is named (非名册人员) but not in the registry */
    public record DecisionView(UUID id, UUID itemId, String person, UUID personId, boolean personOutsideRegistry,
                               String post, Disposition disposition, String dispositionLabel, String justification,
                               String decidedBy, Instant decidedAt) {

        static DecisionView of(AccountabilityDecision d) {
            return new DecisionView(d.id, d.itemId, d.person, d.personId,
                    new NamedPerson(d.personId, d.person).outsideRegistry(), d.post, d.disposition,
                    d.disposition.label(), d.justification, d.decidedBy, d.decidedAt);
        }
    }

    private final Accountability accountability;
    private final OrgScope scope;
    private final JsonWebToken caller;

    public AccountabilityResource(Accountability accountability, OrgScope scope, JsonWebToken caller) {
        this.accountability = accountability;
        this.scope = scope;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.DISCIPLINE)
    @Operation(summary = "Record a decision about one person (四种形态, 容错免责 or 澄清正名 with a written justification)")
    public Response decide(@PathParam("id") UUID id, @Valid @NotNull Decide command) {
        AccountabilityDecision decision = accountability.decide(id, command.personId(), command.person(), command.post(),
                command.disposition(), command.justification(), scope.root(), caller.getName());
        return Response.status(Response.Status.CREATED).entity(DecisionView.of(decision)).build();
    }

    @GET
    @RolesAllowed({Roles.DISCIPLINE, Roles.ORGANIZER, Roles.ADMIN})
    @Operation(summary = "The decisions on an item, oldest first")
    public List<DecisionView> list(@PathParam("id") UUID id) {
        return accountability.on(id, scope.root()).stream().map(DecisionView::of).toList();
    }
}
