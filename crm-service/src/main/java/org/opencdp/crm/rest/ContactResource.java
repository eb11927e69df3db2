package org.opencdp.crm.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.common.auth.WorkspaceContext;
import org.opencdp.common.problem.Problem;
import org.opencdp.common.problem.ProblemException;
import org.opencdp.common.rest.Versions;
import org.opencdp.crm.Contact;
import org.opencdp.crm.api.ContactInput;
import org.opencdp.crm.api.ContactView;
import org.opencdp.crm.service.ContactService;

@Path("/api/crm/contacts/{id}")
@Tag(name = "Contacts", description = "People the business has a relationship with")
@Produces(MediaType.APPLICATION_JSON)
public class ContactResource {
    static final String IF_MATCH = "The ETag of the version you read; a stale one is a 412 and changes nothing";
    private final ContactService contacts;
    private final WorkspaceContext workspace;

    public ContactResource(ContactService contacts, WorkspaceContext workspace) {
        this.contacts = contacts;
        this.workspace = workspace;
    }

    @GET
    @Operation(summary = "Read a contact; the ETag header carries its version")
    @APIResponse(responseCode = "200", description = "The contact",
            content = @Content(schema = @Schema(implementation = ContactView.class)))
    @APIResponse(responseCode = "404", description = "No such contact in this workspace",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        Contact c = contacts.get(workspace.workspaceId(), id)
                .orElseThrow(() -> ProblemException.notFound("Contact " + id));
        return withEtag(Response.ok(), c).build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a contact (absent fields are cleared)")
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(schema = @Schema(implementation = ContactView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named in violations",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such contact in this workspace",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names an older version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replace(@PathParam("id") UUID id, @Parameter(description = IF_MATCH) @HeaderParam("If-Match")
            String ifMatch, @Valid @NotNull ContactInput body) {
        Contact c = contacts.replace(workspace.workspaceId(), id, body, Versions.ifMatch(ifMatch));
        return withEtag(Response.ok(), c).build();
    }

    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Change some fields of a contact (JSON merge patch: null clears a field)")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(schema = @Schema(implementation = ContactView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named in violations",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such contact in this workspace",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names an older version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response patch(@PathParam("id") UUID id, @Parameter(description = IF_MATCH) @HeaderParam("If-Match")
            String ifMatch, @Schema(implementation = ContactInput.class) ObjectNode body) {
        if (body == null) {
            throw ProblemException.badRequest("body", "must be a JSON object");
        }
        Contact c = contacts.patch(workspace.workspaceId(), id, body, Versions.ifMatch(ifMatch));
        return withEtag(Response.ok(), c).build();
    }

    @DELETE
    @Operation(summary = "Delete a contact (profile-service is told through the outbox)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such contact in this workspace",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names an older version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void delete(@PathParam("id") UUID id, @Parameter(description = IF_MATCH) @HeaderParam("If-Match")
            String ifMatch) {
        contacts.delete(workspace.workspaceId(), id, Versions.ifMatch(ifMatch));
    }

    static Response.ResponseBuilder withEtag(Response.ResponseBuilder builder, Contact c) {
        return builder.tag(Versions.etag(c.version)).entity(ContactView.of(c));
    }

    static Response created(UriInfo uri, Contact c) {
        return withEtag(Response.created(uri.getBaseUriBuilder().path("/api/crm/contacts/" + c.id).build()), c)
                .build();
    }

}
