package org.opencdp.crm.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
import org.opencdp.crm.api.InteractionInput;
import org.opencdp.crm.api.InteractionView;
import org.opencdp.crm.api.TimelineEntry;
import org.opencdp.crm.service.InteractionService;
import org.opencdp.crm.service.SatisfactionService;
import org.opencdp.crm.api.SatisfactionInput;
import org.opencdp.crm.api.SatisfactionView;

@Path("/api/crm/contacts/{id}")
@Tag(name = "Interactions", description = "Calls, e-mails, meetings, notes, SMS and WhatsApp with a contact;"
        + " the contact's timeline")
@Produces(MediaType.APPLICATION_JSON)
public class ContactActivityResource {
    private final InteractionService interactions;
    private final SatisfactionService satisfaction;
    private final WorkspaceContext workspace;

    public ContactActivityResource(InteractionService interactions, SatisfactionService satisfaction,
                                   WorkspaceContext workspace) {
        this.interactions = interactions;
        this.satisfaction = satisfaction;
        this.workspace = workspace;
    }

    @POST
    @Path("/interactions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record an interaction with the contact (optionally about one of its deals)")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = InteractionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such contact in this workspace",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response record(@PathParam("id") UUID id, @Valid @NotNull InteractionInput body) {
        return Response.status(201).entity(interactions.record(workspace.workspaceId(), id, body)).build();
    }

    @GET
    @Path("/interactions")
    @Operation(summary = "The contact's interactions, newest first")
    @APIResponse(responseCode = "200", description = "The interactions",
            content = @Content(schema = @Schema(implementation = InteractionView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", description = "No such contact in this workspace",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<InteractionView> list(@PathParam("id") UUID id,
            @Parameter(description = "At most this many, 1-500, default 100") @QueryParam("limit") Integer limit) {
        return interactions.list(workspace.workspaceId(), id, QueryParams.limit(limit, 100, 500));
    }

    @POST
    @Path("/satisfaction")
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = "Satisfaction")
    @Operation(summary = "Record a CSAT (1-5) or NPS (0-10) answer of the contact")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = SatisfactionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid kind or score",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such contact in this workspace",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response record(@PathParam("id") UUID id, @Valid @NotNull SatisfactionInput body) {
        return Response.status(201).entity(satisfaction.record(workspace.workspaceId(), id, body)).build();
    }

    @GET
    @Path("/timeline")
    @Operation(summary = "Interactions, deal events (stage changes, won, lost, contract) and satisfaction answers of"
            + " the contact in time order")
    @APIResponse(responseCode = "200", description = "The timeline",
            content = @Content(schema = @Schema(implementation = TimelineEntry.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "Invalid order or limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such contact in this workspace",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<TimelineEntry> timeline(@PathParam("id") UUID id,
            @Parameter(description = "desc (newest first, the default) or asc") @QueryParam("order") String order,
            @Parameter(description = "At most this many, 1-500, default 200") @QueryParam("limit") Integer limit) {
        String o = QueryParams.text(order);
        if (o != null && !o.equals("asc") && !o.equals("desc")) {
            throw ProblemException.badRequest("order", "must be asc or desc");
        }
        return interactions.timeline(workspace.workspaceId(), id, QueryParams.limit(limit, 200, 500),
                "asc".equals(o));
    }
}
