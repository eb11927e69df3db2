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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.common.auth.WorkspaceContext;
import org.opencdp.common.problem.Problem;
import org.opencdp.common.problem.ProblemException;
import org.opencdp.dmp.api.RuleInput;
import org.opencdp.dmp.api.RuleView;
import org.opencdp.dmp.service.TaxonomyService;

@Path("/api/dmp/rules")
@Tag(name = "DMP category rules", description = "URL patterns, keywords and event properties mapped to categories")
@Produces(MediaType.APPLICATION_JSON)
public class RuleResource {
    private final TaxonomyService taxonomy;
    private final WorkspaceContext workspace;

    public RuleResource(TaxonomyService taxonomy, WorkspaceContext workspace) {
        this.taxonomy = taxonomy;
        this.workspace = workspace;
    }

    @GET
    @Operation(summary = "List the workspace's rules")
    @APIResponse(responseCode = "200", description = "The rules",
            content = @Content(schema = @Schema(implementation = RuleView.class, type = SchemaType.ARRAY)))
    public List<RuleView> list() {
        return taxonomy.rules(workspace.workspaceId()).stream().map(RuleView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One rule")
    @APIResponse(responseCode = "200", description = "The rule",
            content = @Content(schema = @Schema(implementation = RuleView.class)))
    @APIResponse(responseCode = "404", description = "Unknown in this workspace",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RuleView get(@PathParam("id") String id) {
        return taxonomy.rule(workspace.workspaceId(), id).map(RuleView::of)
                .orElseThrow(() -> ProblemException.notFound("Rule"));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a rule; it applies to events collected from now on")
    @RequestBody(content = @Content(schema = @Schema(implementation = RuleInput.class), examples = {
        @ExampleObject(name = "url", value = "{\"type\":\"url\",\"pattern\":\"/sport/\",\"categoryId\":\"IAB-INT-SPORTS\"}"),
        @ExampleObject(name = "keyword", value = "{\"type\":\"keyword\",\"pattern\":\"marathon\","
                + "\"categoryId\":\"IAB-INT-HEALTH-RUNNING\",\"weight\":2}"),
        @ExampleObject(name = "property", value = "{\"type\":\"property\",\"property\":\"section\",\"value\":\"travel\","
                + "\"categoryId\":\"IAB-INT-TRAVEL\"}")}))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = RuleView.class)))
    @APIResponse(responseCode = "400", description = "Invalid type, pattern (RE2 syntax) or unknown category",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Too many rules",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull RuleInput input) {
        RuleView r = RuleView.of(taxonomy.addRule(workspace.workspaceId(), input));
        return Response.created(URI.create("/api/dmp/rules/" + r.id())).entity(r).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a rule")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "Unknown in this workspace",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("id") String id) {
        if (!taxonomy.deleteRule(workspace.workspaceId(), id)) {
            throw ProblemException.notFound("Rule");
        }
        return Response.noContent().build();
    }
}
