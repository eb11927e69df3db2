package org.opencdp.crm.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.common.auth.WorkspaceContext;
import org.opencdp.common.problem.Problem;
import org.opencdp.common.rest.Versions;
import org.opencdp.crm.api.ContactMerge;
import org.opencdp.crm.api.ContactView;
import org.opencdp.crm.service.ContactMergeService;

@Path("/api/crm/contacts/{id}/merge")
@Tag(name = "Contacts")
@Produces(MediaType.APPLICATION_JSON)
public class ContactMergeResource {
    private final ContactMergeService merges;
    private final WorkspaceContext workspace;

    public ContactMergeResource(ContactMergeService merges, WorkspaceContext workspace) {
        this.merges = merges;
        this.workspace = workspace;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Absorb a duplicate contact: its e-mails, phones, tags, missing fields, interactions,"
            + " satisfaction answers and deals move here, and it is deleted")
    @APIResponse(responseCode = "200", description = "The merged contact",
            content = @Content(schema = @Schema(implementation = ContactView.class)))
    @APIResponse(responseCode = "400", description = "Missing contactId, or the contact itself",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Either contact is not in this workspace",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names an older version of this contact",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response merge(@PathParam("id") UUID id, @Parameter(description = ContactResource.IF_MATCH)
            @HeaderParam("If-Match") String ifMatch, @Valid @NotNull ContactMerge body) {
        return ContactResource.withEtag(Response.ok(),
                merges.merge(workspace.workspaceId(), id, body.contactId(), Versions.ifMatch(ifMatch))).build();
    }
}
