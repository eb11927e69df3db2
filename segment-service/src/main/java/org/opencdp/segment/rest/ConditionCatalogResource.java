package org.opencdp.segment.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.common.problem.Problem;
import org.opencdp.segment.api.ConditionCatalog;

@Path("/api/segments/condition-catalog")
@Tag(name = "Segment conditions", description = "The closed vocabulary of segment conditions")
@Produces(MediaType.APPLICATION_JSON)
public class ConditionCatalogResource {

    @GET
    @Operation(summary = "List the condition types, operators and fields segment conditions may use")
    @APIResponse(responseCode = "200", description = "The catalog, for building condition editors",
            content = @Content(schema = @Schema(implementation = ConditionCatalog.class)))
    @APIResponse(responseCode = "401", description = "No valid key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ConditionCatalog catalog() {
        return ConditionCatalog.CURRENT;
    }
}
