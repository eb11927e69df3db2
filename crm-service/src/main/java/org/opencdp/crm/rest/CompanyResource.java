package org.opencdp.crm.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.opencdp.crm.Company;
import org.opencdp.crm.api.CompanyInput;
import org.opencdp.crm.api.CompanyView;
import org.opencdp.crm.service.CompanyService;

@Path("/api/crm/companies")
@Tag(name = "Companies", description = "Accounts, with their contacts (GET /api/crm/contacts?companyId=) and deals"
        + " (GET /api/crm/deals?companyId=)")
@Produces(MediaType.APPLICATION_JSON)
public class CompanyResource {
    private final CompanyService companies;
    private final WorkspaceContext workspace;

    public CompanyResource(CompanyService companies, WorkspaceContext workspace) {
        this.companies = companies;
        this.workspace = workspace;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a company")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = CompanyView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull CompanyInput body, @Context UriInfo uri) {
        Company c = companies.create(workspace.workspaceId(), body);
        return Response.created(uri.getAbsolutePathBuilder().path(c.id.toString()).build())
                .tag(Versions.etag(c.version)).entity(CompanyView.of(c)).build();
    }

    @GET
    @Operation(summary = "List companies by name, a page at a time")
    @APIResponse(responseCode = "200", description = "The companies",
            content = @Content(schema = @Schema(implementation = CompanyView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "Invalid paging",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<CompanyView> list(@Parameter(description = "Name prefix") @QueryParam("name") String name,
            @Parameter(description = "Page number from 0") @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "Page size, 1-200") @QueryParam("limit") Integer limit) {
        if (page < 0) {
            throw ProblemException.badRequest("page", "must be 0 or more");
        }
        return companies.list(workspace.workspaceId(), QueryParams.text(name), page,
                QueryParams.limit(limit, 50, 200)).stream().map(CompanyView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a company")
    @APIResponse(responseCode = "200", description = "The company",
            content = @Content(schema = @Schema(implementation = CompanyView.class)))
    @APIResponse(responseCode = "404", description = "No such company in this workspace",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        Company c = companies.get(workspace.workspaceId(), id)
                .orElseThrow(() -> ProblemException.notFound("Company " + id));
        return Response.ok(CompanyView.of(c)).tag(Versions.etag(c.version)).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a company")
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(schema = @Schema(implementation = CompanyView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such company in this workspace",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names an older version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replace(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                            @Valid @NotNull CompanyInput body) {
        Company c = companies.replace(workspace.workspaceId(), id, body, Versions.ifMatch(ifMatch));
        return Response.ok(CompanyView.of(c)).tag(Versions.etag(c.version)).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a company; its contacts and deals stay, without a company")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such company in this workspace",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names an older version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        companies.delete(workspace.workspaceId(), id, Versions.ifMatch(ifMatch));
    }
}
