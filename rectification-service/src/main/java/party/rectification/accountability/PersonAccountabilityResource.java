package party.rectification.accountability;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import party.common.scope.OrgScope;
import party.common.scope.Roles;
import party.orgreplica.ReplicatedOrgUnit;
import party.rectification.items.RectificationItem;

/**
 * The accountability decisions about one person, for their 述职: read by those who read an item's decisions, within
 * scope. Their problems are the ledger's {@code ?person=}.
 */
@Path("/persons/{id}/accountability")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.DISCIPLINE, Roles.ORGANIZER, Roles.ADMIN})
public class PersonAccountabilityResource {

    /** A decision with the item it was taken on, by number, and the item's unit by name. */
    public record PersonDecision(AccountabilityResource.DecisionView decision, String itemNumber, String unit,
                                 String unitName) {
    }

    private final Accountability accountability;
    private final OrgScope scope;

    public PersonAccountabilityResource(Accountability accountability, OrgScope scope) {
        this.accountability = accountability;
        this.scope = scope;
    }

    @GET
    @Operation(summary = "The accountability decisions about a person of the registry, oldest first, in a year if given")
    public List<PersonDecision> about(@PathParam("id") UUID id,
                                      @QueryParam("year") @Min(2000) @Max(2100) Integer year) {
        return accountability.about(id, year, scope.root()).stream().map(decision -> {
            ReplicatedOrgUnit unit = ReplicatedOrgUnit.findById(decision.orgCode);
            return new PersonDecision(AccountabilityResource.DecisionView.of(decision),
                    RectificationItem.<RectificationItem>findById(decision.itemId).number, decision.orgCode,
                    unit == null ? decision.orgCode : unit.name);
        }).toList();
    }
}
