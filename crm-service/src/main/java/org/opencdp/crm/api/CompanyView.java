package org.opencdp.crm.api;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.crm.Company;

@Schema(name = "Company", description = "An account; its ETag is its version")
public record CompanyView(UUID id, @Schema(example = "Acme Ltd") String name, String domain, String industry,
                          Instant createdAt, Instant updatedAt, long version) {
    public static CompanyView of(Company c) {
        return new CompanyView(c.id, c.name, c.domain, c.industry, c.createdAt, c.updatedAt, c.version);
    }
}
