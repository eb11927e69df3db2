package org.opencdp.crm.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.common.auth.WorkspaceContext;
import org.opencdp.common.problem.Problem;
import org.opencdp.common.problem.ProblemException;
import org.opencdp.crm.api.SatisfactionReport;
import org.opencdp.crm.service.SatisfactionService;

@Path("/api/crm/satisfaction")
@Tag(name = "Satisfaction", description = "CSAT and NPS answers of contacts and their report")
@Produces(MediaType.APPLICATION_JSON)
public class SatisfactionResource {
    private final SatisfactionService satisfaction;
    private final WorkspaceContext workspace;

    public SatisfactionResource(SatisfactionService satisfaction, WorkspaceContext workspace) {
        this.satisfaction = satisfaction;
        this.workspace = workspace;
    }

    @GET
    @Path("/report")
    @Operation(summary = "CSAT average and NPS score per day, week or month")
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(schema = @Schema(implementation = SatisfactionReport.class)))
    @APIResponse(responseCode = "400", description = "Invalid range or period",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SatisfactionReport report(
            @Parameter(description = "From this instant or date, inclusive") @QueryParam("from") String from,
            @Parameter(description = "Until this instant or date, exclusive") @QueryParam("to") String to,
            @Parameter(description = "day, week or month (default)") @QueryParam("period") String period) {
        String p = QueryParams.text(period) == null ? "month" : period.strip();
        if (!Set.of("day", "week", "month").contains(p)) {
            throw ProblemException.badRequest("period", "must be day, week or month");
        }
        Instant start = QueryParams.instant("from", from);
        Instant end = QueryParams.instant("to", to);
        return satisfaction.report(workspace.workspaceId(), start, end, p);
    }
}
