package org.opencdp.dmp.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.common.auth.WorkspaceContext;
import org.opencdp.common.problem.Problem;
import org.opencdp.common.problem.ProblemException;
import org.opencdp.dmp.api.IdSyncInput;
import org.opencdp.dmp.service.EventPreparer;
import org.opencdp.dmp.service.PartnerService;

@Path("/dmp/v1")
@Tag(name = "DMP collection")
public class SyncResource {
    private final PartnerService partners;
    private final WorkspaceContext workspace;

    public SyncResource(PartnerService partners, WorkspaceContext workspace) {
        this.partners = partners;
        this.workspace = workspace;
    }

    /** The answer of a sync. */
    @Schema(name = "DmpIdSyncResult")
    public record SyncResult(@Schema(example = "true") boolean synced,
                             @Schema(example = "no advertising consent: nothing was stored") String reason) {}

    @POST
    @Path("/sync")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cookie/ID sync: map a partner's user id to our anonymous id (expires with the retention)")
    @APIResponse(responseCode = "200", description = "Synced, or not stored for lack of consent",
            content = @Content(schema = @Schema(implementation = SyncResult.class)))
    @APIResponse(responseCode = "400", description = "Invalid partner, ids, or personal data in an id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SyncResult sync(@NotNull IdSyncInput input) {
        return partners.sync(workspace.workspaceId(), input) ? new SyncResult(true, null)
                : new SyncResult(false, EventPreparer.NO_CONSENT);
    }

    @GET
    @Path("/sync.gif")
    @Produces("image/gif")
    @Operation(summary = "Cookie/ID sync as a pixel: ?partner=&partnerUserId=&anonymousId=&consent=1&writeKey=",
            description = "Always answers the GIF; X-DMP-Outcome says synced, not-stored or rejected.")
    @APIResponse(responseCode = "200", description = "A transparent 1x1 GIF", content = @Content(mediaType = "image/gif"))
    public Response syncPixel(@QueryParam("partner") String partner, @QueryParam("partnerUserId") String partnerUserId,
            @QueryParam("anonymousId") String anonymousId, @QueryParam("consent") String consent) {
        Map<String, Object> consentMap = consent == null ? null
                : Map.of("advertising", "advertising".equalsIgnoreCase(consent) ? "true" : consent);
        String outcome;
        try {
            outcome = partners.sync(workspace.workspaceId(),
                    new IdSyncInput(partner, partnerUserId, anonymousId, consentMap)) ? "synced" : "not-stored";
        } catch (ProblemException e) {
            outcome = "rejected";
        }
        return Pixel.response(outcome);
    }
}
