package party.assessment.evaluation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import party.common.scope.OrgScope;
import party.common.scope.Roles;

/** 述职评议 results as assessment-service received them; a unit sees the sessions it held and its own results. */
@Path("/evaluation-results")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.REVIEWER, Roles.UNIT_LEADER, Roles.INTEGRATION})
public class EvaluationResultResource {

    private final OrgScope scope;

    public EvaluationResultResource(OrgScope scope) {
        this.scope = scope;
    }

    @GET
    @Operation(summary = "Results of sealed sessions, optionally for one subject, ranked within session and category")
    public List<EvaluationResult.View> list(@QueryParam("subject") String subject) {
        String condition = "(" + OrgScope.condition("sessionPath") + " or " + OrgScope.condition("subjectPath") + ")"
                + (subject == null ? "" : " and key.subject = :subject");
        var parameters = scope.parameters();
        if (subject != null) {
            parameters = parameters.and("subject", subject);
        }
        return EvaluationResult.<EvaluationResult>list(condition + " order by heldOn desc, key.sessionId, category, rank",
                        parameters).stream()
                .map(EvaluationResult::view).toList();
    }
}
