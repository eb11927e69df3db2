package org.opencdp.dmp.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.common.auth.WorkspaceContext;
import org.opencdp.common.problem.Problem;
import org.opencdp.common.problem.ProblemException;
import org.opencdp.dmp.api.CategoryInput;
import org.opencdp.dmp.api.CategoryView;
import org.opencdp.dmp.service.TaxonomyService;

@Path("/api/dmp/categories")
@Tag(name = "DMP taxonomy", description = "Built-in categories (modelled on the IAB Audience Taxonomy 1.1) and the "
        + "workspace's own")
@Produces(MediaType.APPLICATION_JSON)
public class CategoryResource {
    private final TaxonomyService taxonomy;
    private final WorkspaceContext workspace;

    public CategoryResource(TaxonomyService taxonomy, WorkspaceContext workspace) {
        this.taxonomy = taxonomy;
        this.workspace = workspace;
    }

    @GET
    @Operation(summary = "List categories, built-in first; ?parentId= lists the children of one")
    @APIResponse(responseCode = "200", description = "The categories",
            content = @Content(schema = @Schema(implementation = CategoryView.class, type = org.eclipse.microprofile
                    .openapi.annotations.enums.SchemaType.ARRAY)))
    public List<CategoryView> list(@QueryParam("parentId") String parentId) {
        return taxonomy.categories(workspace.workspaceId(), parentId).stream().map(CategoryView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One category")
    @APIResponse(responseCode = "200", description = "The category",
            content = @Content(schema = @Schema(implementation = CategoryView.class)))
    @APIResponse(responseCode = "404", description = "Unknown in this workspace",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CategoryView get(@PathParam("id") String id) {
        return taxonomy.category(workspace.workspaceId(), id).map(CategoryView::of)
                .orElseThrow(() -> ProblemException.notFound("Category"));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add an own category")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = CategoryView.class)))
    @APIResponse(responseCode = "400", description = "Invalid id, name or parent",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The id exists already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull CategoryInput input) {
        CategoryView c = CategoryView.of(taxonomy.addCategory(workspace.workspaceId(), input));
        return Response.created(URI.create("/api/dmp/categories/" + c.id())).entity(c).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete an own category that nothing uses")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "Unknown in this workspace",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Built in, or used by a child, rule or audience",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("id") String id) {
        if (!taxonomy.deleteCategory(workspace.workspaceId(), id)) {
            throw ProblemException.notFound("Category");
        }
        return Response.noContent().build();
    }
}
