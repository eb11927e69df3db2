package org.opencdp.crm.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.common.auth.WorkspaceContext;
import org.opencdp.common.problem.Problem;
import org.opencdp.common.problem.ProblemException;
import org.opencdp.crm.DealOutcome;
import org.opencdp.crm.api.DealReasonCreate;
import org.opencdp.crm.api.DealReasonView;
import org.opencdp.crm.service.DealReasonService;

@Path("/api/crm/deal-reasons")
@Tag(name = "Deal reasons", description = "The won and lost reasons a workspace offers when deals are closed")
@Produces(MediaType.APPLICATION_JSON)
public class DealReasonResource {
    private final DealReasonService reasons;
    private final WorkspaceContext workspace;

    public DealReasonResource(DealReasonService reasons, WorkspaceContext workspace) {
        this.reasons = reasons;
        this.workspace = workspace;
    }

    @GET
    @Operation(summary = "List the workspace's deal reasons (defaults until changed), by outcome and position")
    @APIResponse(responseCode = "200", description = "The reasons",
            content = @Content(schema = @Schema(implementation = DealReasonView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "Unknown outcome",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<DealReasonView> list(
            @Parameter(description = "won or lost; both when absent") @QueryParam("outcome") String outcome,
            @Parameter(description = "include retired reasons") @QueryParam("includeRetired") @DefaultValue("false")
            boolean includeRetired) {
        return reasons.list(workspace.workspaceId(), parseOutcome(outcome), includeRetired).stream()
                .map(DealReasonView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a reason (a retired one with the same label is brought back)")
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(schema = @Schema(implementation = DealReasonView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "An active reason with this label exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response add(@Valid @NotNull DealReasonCreate body, @Context UriInfo uri) {
        DealReasonView view = DealReasonView.of(reasons.add(workspace.workspaceId(), body.outcome(), body.label()));
        return Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build()).entity(view).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Retire a reason: it stays on closed deals and in reports but can no longer be chosen")
    @APIResponse(responseCode = "204", description = "Retired")
    @APIResponse(responseCode = "404", description = "No such reason in this workspace",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void retire(@PathParam("id") UUID id) {
        reasons.retire(workspace.workspaceId(), id);
    }

    private static DealOutcome parseOutcome(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return DealOutcome.fromWire(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("outcome", "must be won or lost");
        }
    }
}
