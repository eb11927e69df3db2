package org.opencdp.profile.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TimelinePage", description = "Events newest first")
public record EventPage(List<EventView> items,
        @Schema(description = "Pass as cursor for the next page; absent on the last page") String nextCursor) {}
