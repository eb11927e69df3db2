package org.opencdp.crm.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import org.opencdp.common.rest.Versions;
import org.opencdp.crm.DealStatus;
import org.opencdp.crm.api.DealInput;
import org.opencdp.crm.api.DealView;
import org.opencdp.crm.repository.DealRepository;
import org.opencdp.crm.service.DealService;

@Path("/api/crm/deals")
@Tag(name = "Deals", description = "Opportunities worked through a pipeline")
@Produces(MediaType.APPLICATION_JSON)
public class DealResource {
    private final DealService deals;
    private final WorkspaceContext workspace;

    public DealResource(DealService deals, WorkspaceContext workspace) {
        this.deals = deals;
        this.workspace = workspace;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a deal (default pipeline and its first stage unless named)")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = DealView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields (unknown pipeline, stage, currency...)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull DealInput body, @Context UriInfo uri) {
        DealView d = deals.create(workspace.workspaceId(), body);
        return Response.created(uri.getAbsolutePathBuilder().path(d.id().toString()).build())
                .tag(Versions.etag(d.version())).entity(d).build();
    }

    @GET
    @Operation(summary = "List deals, most recently changed first")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(schema = @Schema(implementation = DealView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "An invalid parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<DealView> list(@QueryParam("pipelineId") String pipelineId, @QueryParam("stageId") String stageId,
            @Parameter(description = "open, won or lost") @QueryParam("status") String status,
            @QueryParam("owner") String owner, @QueryParam("companyId") String companyId,
            @QueryParam("contactId") String contactId,
            @Parameter(description = "Page number from 0") @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "Page size, 1-200, default 50") @QueryParam("limit") Integer limit) {
        DealStatus parsed;
        try {
            parsed = QueryParams.text(status) == null ? null : DealStatus.fromWire(status);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("status", e.getMessage());
        }
        if (page < 0) {
            throw ProblemException.badRequest("page", "must be 0 or more");
        }
        return deals.list(workspace.workspaceId(), new DealRepository.Filter(QueryParams.uuid("pipelineId", pipelineId),
                QueryParams.uuid("stageId", stageId), parsed, QueryParams.text(owner),
                QueryParams.uuid("companyId", companyId), QueryParams.uuid("contactId", contactId)), page,
                QueryParams.limit(limit, 50, 200));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a deal")
    @APIResponse(responseCode = "200", description = "The deal",
            content = @Content(schema = @Schema(implementation = DealView.class)))
    @APIResponse(responseCode = "404", description = "No such deal in this workspace",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        DealView d = deals.get(workspace.workspaceId(), id);
        return Response.ok(d).tag(Versions.etag(d.version())).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Change a deal: move it to another stage (recorded in its history), amount, contract...")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(schema = @Schema(implementation = DealView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such deal in this workspace",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Moving a closed deal",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names an older version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response patch(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                          @Schema(implementation = DealInput.class) ObjectNode body) {
        if (body == null) {
            throw ProblemException.badRequest("body", "must be a JSON object");
        }
        DealView d = deals.patch(workspace.workspaceId(), id, body, Versions.ifMatch(ifMatch));
        return Response.ok(d).tag(Versions.etag(d.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a deal and its history")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such deal in this workspace",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names an older version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        deals.delete(workspace.workspaceId(), id, Versions.ifMatch(ifMatch));
    }
}
