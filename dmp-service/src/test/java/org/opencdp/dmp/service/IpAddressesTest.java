package org.opencdp.dmp.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Optional;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class IpAddressesTest {

    @Test
    void ipv4IsTruncatedToItsSlash24() {
        assertEquals(Optional.of("81.2.69.0"), IpAddresses.truncate("81.2.69.142"));
        assertEquals(Optional.of("10.0.0.0"), IpAddresses.truncate(" 10.0.0.255 "));
    }

    @Test
    void ipv6IsTruncatedToItsSlash48() {
        assertEquals(Optional.of("2001:db8:85a3:0:0:0:0:0"), IpAddresses.truncate("2001:db8:85a3:8d3:1319:8a2e:370:7348"));
        assertEquals(Optional.of("2001:db8:1:0:0:0:0:0"), IpAddresses.truncate("[2001:db8:1:2::1]"));
        assertEquals(Optional.of("fe80:0:0:0:0:0:0:0"), IpAddresses.truncate("fe80::1%eth0"));
    }

    @Test
    void namesAndGarbageAreNotAddresses() {
        assertEquals(Optional.empty(), IpAddresses.truncate("example.com"));
        assertEquals(Optional.empty(), IpAddresses.truncate("localhost"));
        assertEquals(Optional.empty(), IpAddresses.truncate("1.2.3"));
        assertEquals(Optional.empty(), IpAddresses.truncate("1.2.3.256"));
        assertEquals(Optional.empty(), IpAddresses.truncate(""));
        assertEquals(Optional.empty(), IpAddresses.truncate((String) null));
    }

    @Test
    void firstForwardedAddressIsTheClient() {
        assertEquals("81.2.69.142", IpAddresses.firstForwarded("81.2.69.142, 10.0.0.1"));
        assertNull(IpAddresses.firstForwarded(" "));
    }

    @Property
    void truncatedIpv4KeepsTheFirstThreeOctetsOnly(@ForAll @IntRange(max = 255) int a, @ForAll @IntRange(max = 255) int b,
            @ForAll @IntRange(max = 255) int c, @ForAll @IntRange(max = 255) int d) {
        assertEquals(Optional.of(a + "." + b + "." + c + ".0"), IpAddresses.truncate(a + "." + b + "." + c + "." + d));
    }
}
