package org.opencdp.crm.api;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.crm.Address;

@Schema(name = "Address")
public record AddressDto(
        @Size(max = 200) @Schema(example = "12 Long Street") String line1,
        @Size(max = 200) String line2,
        @Size(max = 120) @Schema(example = "Cape Town") String city,
        @Size(max = 120) @Schema(example = "Western Cape") String region,
        @Size(max = 32) @Schema(example = "8001") String postalCode,
        @Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166 alpha-2 country code")
        @Schema(example = "ZA") String country) {

    public static AddressDto of(Address a) {
        if (a == null || (a.line1 == null && a.line2 == null && a.city == null && a.region == null
                && a.postalCode == null && a.country == null)) {
            return null;
        }
        return new AddressDto(a.line1, a.line2, a.city, a.region, a.postalCode, a.country);
    }

    public Address toEntity() {
        Address a = new Address();
        a.line1 = line1;
        a.line2 = line2;
        a.city = city;
        a.region = region;
        a.postalCode = postalCode;
        a.country = country == null ? null : country.toUpperCase(java.util.Locale.ROOT);
        return a;
    }
}
