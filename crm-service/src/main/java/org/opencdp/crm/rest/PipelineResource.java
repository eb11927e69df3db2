package org.opencdp.crm.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.common.auth.WorkspaceContext;
import org.opencdp.common.problem.Problem;
import org.opencdp.common.problem.ProblemException;
import org.opencdp.common.rest.Versions;
import org.opencdp.crm.api.PipelineInput;
import org.opencdp.crm.api.PipelineView;
import org.opencdp.crm.service.PipelineService;

@Path("/api/crm/pipelines")
@Tag(name = "Pipelines", description = "Sales processes: ordered stages with win probabilities")
@Produces(MediaType.APPLICATION_JSON)
public class PipelineResource {
    private final PipelineService pipelines;
    private final WorkspaceContext workspace;

    public PipelineResource(PipelineService pipelines, WorkspaceContext workspace) {
        this.pipelines = pipelines;
        this.workspace = workspace;
    }

    @GET
    @Operation(summary = "List the pipelines, the default first (a new workspace has the default 'Sales' pipeline)")
    @APIResponse(responseCode = "200", description = "The pipelines with their stages in order",
            content = @Content(schema = @Schema(implementation = PipelineView.class, type = SchemaType.ARRAY)))
    public List<PipelineView> list() {
        return pipelines.list(workspace.workspaceId());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a pipeline with its ordered stages")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = PipelineView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A pipeline with this name exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull PipelineInput body, @Context UriInfo uri) {
        PipelineView p = pipelines.create(workspace.workspaceId(), body);
        return Response.created(uri.getAbsolutePathBuilder().path(p.id().toString()).build())
                .tag(Versions.etag(p.version())).entity(p).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a pipeline")
    @APIResponse(responseCode = "200", description = "The pipeline",
            content = @Content(schema = @Schema(implementation = PipelineView.class)))
    @APIResponse(responseCode = "404", description = "No such pipeline in this workspace",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        PipelineView p = pipelines.get(workspace.workspaceId(), id)
                .orElseThrow(() -> ProblemException.notFound("Pipeline " + id));
        return Response.ok(p).tag(Versions.etag(p.version())).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rename, reorder, add or remove stages (keep a stage by giving its id)")
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(implementation = PipelineView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such pipeline in this workspace",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A removed stage still has deals, or the name is taken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names an older version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @Valid @NotNull PipelineInput body) {
        PipelineView p = pipelines.update(workspace.workspaceId(), id, body, Versions.ifMatch(ifMatch));
        return Response.ok(p).tag(Versions.etag(p.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a pipeline without deals (not the default one)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such pipeline in this workspace",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "It is the default or has deals",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void delete(@PathParam("id") UUID id) {
        pipelines.delete(workspace.workspaceId(), id);
    }
}
