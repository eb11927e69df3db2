package org.opencdp.profile.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ProfilePage", description = "A page of profiles in id order")
public record ProfilePage(List<ProfileView> items,
        @Schema(description = "Pass as cursor for the next page; absent on the last page") String nextCursor) {}
