package org.opencdp.dmp.rest;

import jakarta.ws.rs.core.Response;
import java.util.Base64;

/** The 1x1 transparent GIF that pixels answer, never cached. */
final class Pixel {
    static final byte[] GIF = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private Pixel() {}

    static Response response(String outcome) {
        return Response.ok(GIF, "image/gif").header("Cache-Control", "no-store, max-age=0")
                .header("X-DMP-Outcome", outcome).build();
    }
}
