package org.opencdp.crm.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
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
import org.opencdp.crm.api.Forecast;
import org.opencdp.crm.service.ForecastService;

@Path("/api/crm/forecast")
@Tag(name = "Forecast", description = "Open, weighted, won and lost amounts; win rate; win/loss reasons")
@Produces(MediaType.APPLICATION_JSON)
public class ForecastResource {
    private static final Set<String> GROUPS = Set.of("month", "owner", "stage", "pipeline");
    private final ForecastService forecasts;
    private final WorkspaceContext workspace;

    public ForecastResource(ForecastService forecasts, WorkspaceContext workspace) {
        this.forecasts = forecasts;
        this.workspace = workspace;
    }

    @GET
    @Operation(summary = "Forecast of the period: open deals by expected close date, won/lost deals by close date")
    @APIResponse(responseCode = "200", description = "The forecast",
            content = @Content(schema = @Schema(implementation = Forecast.class)))
    @APIResponse(responseCode = "400", description = "Invalid dates or grouping",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Forecast forecast(
            @Parameter(description = "First day, inclusive (ISO date); no lower bound when absent")
            @QueryParam("from") String from,
            @Parameter(description = "Last day, inclusive (ISO date); no upper bound when absent")
            @QueryParam("to") String to,
            @Parameter(description = "month (default), owner, stage or pipeline") @QueryParam("groupBy")
            String groupBy) {
        LocalDate start = QueryParams.date("from", from);
        LocalDate end = QueryParams.date("to", to);
        if (start != null && end != null && end.isBefore(start)) {
            throw ProblemException.badRequest("to", "must not be before from");
        }
        String group = QueryParams.text(groupBy) == null ? "month" : groupBy.strip();
        if (!GROUPS.contains(group)) {
            throw ProblemException.badRequest("groupBy", "must be one of month, owner, stage, pipeline");
        }
        return forecasts.forecast(workspace.workspaceId(), start, end, group);
    }
}
