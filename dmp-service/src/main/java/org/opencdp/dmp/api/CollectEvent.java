package org.opencdp.dmp.api;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DmpCollectEvent", description = "One anonymous event. Send one, or several as {\"batch\":[...]}.")
public record CollectEvent(
        @Schema(description = "Cookie or device id (1-128 characters)", required = true, example = "c0ffee-42")
        String anonymousId,
        @Schema(description = "page (default when url is given), track or screen", example = "page") String type,
        @Schema(description = "Event name for track events", example = "Product Viewed") String event,
        @Schema(description = "Page URL; query parameters holding personal data are removed",
                example = "https://shop.example/sport/running-shoes?utm_source=news") String url,
        @Schema(description = "Referrer URL", example = "https://news.example/") String referrer,
        @Schema(description = "Page title", example = "Running shoes") String title,
        @Schema(description = "Page keywords") List<String> keywords,
        @Schema(description = "Event properties; personal fields and values are removed") Map<String, Object> properties,
        @Schema(description = "User agent (default: the request's)") String userAgent,
        @Schema(description = "Client IP (default: the request's); truncated before storage") String ip,
        @Schema(description = "Consent; nothing is stored without advertising consent",
                example = "{\"advertising\": true}") Map<String, Object> consent,
        @Schema(description = "When it happened (ISO-8601); default now", example = "2026-11-29T05:00:00Z")
        String timestamp) {}
