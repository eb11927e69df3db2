package org.opencdp.crm;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A postal address, embedded in the row that owns it. */
@Embeddable
public class Address {
    @Column(name = "address_line1")
    public String line1;
    @Column(name = "address_line2")
    public String line2;
    @Column(name = "address_city")
    public String city;
    @Column(name = "address_region")
    public String region;
    @Column(name = "address_postal_code")
    public String postalCode;
    @Column(name = "address_country")
    public String country;
}
