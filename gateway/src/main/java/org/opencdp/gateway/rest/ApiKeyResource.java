package org.opencdp.gateway.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.opencdp.common.problem.Problem;
import org.opencdp.common.problem.ProblemException;
import org.opencdp.gateway.KeyType;
import org.opencdp.gateway.api.CreateKeyRequest;
import org.opencdp.gateway.api.CreatedKeyResponse;
import org.opencdp.gateway.api.KeyResponse;
import org.opencdp.gateway.service.ApiKeyService;

@Path("/api/workspaces/{workspaceId}/keys")
@Tag(name = "API keys", description = "Write keys send data; secret keys manage their workspace")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApiKeyResource {
    private final ApiKeyService keys;
    private final CurrentCaller caller;

    public ApiKeyResource(ApiKeyService keys, CurrentCaller caller) {
        this.keys = keys;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Create an API key; the clear key is in this response only")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = CreatedKeyResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid body", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid admin token or key")
    @APIResponse(responseCode = "404", description = "No such workspace")
    public Response create(@PathParam("workspaceId") String workspaceId, @Valid @NotNull CreateKeyRequest body,
            @Context UriInfo uri) {
        UUID workspace = caller.manageable(workspaceId);
        ApiKeyService.CreatedKey created = keys.create(workspace, KeyType.fromWire(body.type()), body.name())
                .orElseThrow(() -> ProblemException.notFound("Workspace"));
        return Response.created(uri.getAbsolutePathBuilder().path(created.key().id.toString()).build())
                .entity(CreatedKeyResponse.of(created)).build();
    }

    @GET
    @Operation(summary = "List the workspace's keys, masked, revoked ones included")
    @APIResponse(responseCode = "200", description = "The keys, oldest first", content = @Content(
            schema = @Schema(type = SchemaType.ARRAY, implementation = KeyResponse.class)))
    @APIResponse(responseCode = "401", description = "No valid admin token or key")
    @APIResponse(responseCode = "404", description = "No such workspace")
    public List<KeyResponse> list(@PathParam("workspaceId") String workspaceId) {
        return keys.list(caller.manageable(workspaceId))
                .orElseThrow(() -> ProblemException.notFound("Workspace"))
                .stream().map(KeyResponse::of).toList();
    }

    @GET
    @Path("{keyId}")
    @Operation(summary = "Get one key, masked")
    @APIResponse(responseCode = "200", description = "The key",
            content = @Content(schema = @Schema(implementation = KeyResponse.class)))
    @APIResponse(responseCode = "401", description = "No valid admin token or key")
    @APIResponse(responseCode = "404", description = "No such key")
    public KeyResponse get(@PathParam("workspaceId") String workspaceId, @PathParam("keyId") String keyId) {
        UUID workspace = caller.manageable(workspaceId);
        return CurrentCaller.parse(keyId).flatMap(id -> keys.find(workspace, id)).map(KeyResponse::of)
                .orElseThrow(() -> ProblemException.notFound("API key"));
    }

    @DELETE
    @Path("{keyId}")
    @Operation(summary = "Revoke a key; it stops working at once on this gateway replica")
    @APIResponse(responseCode = "204", description = "Revoked (also when it already was)")
    @APIResponse(responseCode = "401", description = "No valid admin token or key")
    @APIResponse(responseCode = "404", description = "No such key")
    public Response revoke(@PathParam("workspaceId") String workspaceId, @PathParam("keyId") String keyId) {
        UUID workspace = caller.manageable(workspaceId);
        boolean revoked = CurrentCaller.parse(keyId).map(id -> keys.revoke(workspace, id)).orElse(false);
        if (!revoked) {
            throw ProblemException.notFound("API key");
        }
        return Response.noContent().build();
    }
}
