package org.opencdp.gateway.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.common.problem.Problem;
import org.opencdp.common.problem.ProblemException;
import org.opencdp.gateway.Workspace;
import org.opencdp.gateway.api.CreateWorkspaceRequest;
import org.opencdp.gateway.api.WorkspacePage;
import org.opencdp.gateway.api.WorkspaceResponse;
import org.opencdp.gateway.service.Caller;
import org.opencdp.gateway.service.WorkspaceService;

@Path("/api/workspaces")
@Tag(name = "Workspaces", description = "Tenants of the platform (admin token; a secret key sees its own)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WorkspaceResource {
    private final WorkspaceService workspaces;
    private final CurrentCaller caller;

    public WorkspaceResource(WorkspaceService workspaces, CurrentCaller caller) {
        this.workspaces = workspaces;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Create a workspace (admin token only)")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = WorkspaceResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid body", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid admin token or key")
    @APIResponse(responseCode = "403", description = "Not the admin token")
    public Response create(@Valid @NotNull CreateWorkspaceRequest body, @Context UriInfo uri) {
        if (!caller.get().admin()) {
            throw new ProblemException(403, "Only the admin token may create workspaces");
        }
        Workspace created = workspaces.create(body.name());
        return Response.created(uri.getAbsolutePathBuilder().path(created.id.toString()).build())
                .entity(WorkspaceResponse.of(created)).build();
    }

    @GET
    @Operation(summary = "List workspaces: all for the admin token, its own for a secret key")
    @APIResponse(responseCode = "200", description = "A page of workspaces, oldest first",
            content = @Content(schema = @Schema(implementation = WorkspacePage.class)))
    @APIResponse(responseCode = "400", description = "Invalid page or size", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid admin token or key")
    public WorkspacePage list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) int size) {
        Caller current = caller.get();
        if (current.admin()) {
            WorkspaceService.WorkspaceList list = workspaces.list(page, size);
            return new WorkspacePage(list.items().stream().map(WorkspaceResponse::of).toList(), list.page(),
                    list.size(), list.total());
        }
        List<WorkspaceResponse> own = workspaces.find(current.workspaceId()).map(WorkspaceResponse::of).stream().toList();
        return new WorkspacePage(page == 0 ? own : List.of(), page, Math.min(size, WorkspaceService.MAX_PAGE_SIZE),
                own.size());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a workspace")
    @APIResponse(responseCode = "200", description = "The workspace",
            content = @Content(schema = @Schema(implementation = WorkspaceResponse.class)))
    @APIResponse(responseCode = "401", description = "No valid admin token or key")
    @APIResponse(responseCode = "404", description = "No such workspace (or not the caller's)", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WorkspaceResponse get(@PathParam("id") String id) {
        return workspaces.find(caller.manageable(id)).map(WorkspaceResponse::of)
                .orElseThrow(() -> ProblemException.notFound("Workspace"));
    }
}
