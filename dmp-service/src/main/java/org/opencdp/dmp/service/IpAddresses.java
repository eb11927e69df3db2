package org.opencdp.dmp.service;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Parses client addresses without name resolution and truncates them before anything is stored: IPv4 to its /24
 * (last octet zero), IPv6 to its /48 (last 80 bits zero).
 */
public final class IpAddresses {
    private IpAddresses() {}

    /** The address when {@code text} is an IPv4 or IPv6 literal (never resolves names); empty otherwise. */
    public static Optional<InetAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        int zone = t.indexOf('%');
        if (zone >= 0) {
            t = t.substring(0, zone);
        }
        if (t.isEmpty() || t.length() > 45 || !isLiteral(t)) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(t));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** The truncated form of the address as text (IPv4 /24, IPv6 /48); empty when it is not an IP literal. */
    public static Optional<String> truncate(String text) {
        return parse(text).map(IpAddresses::truncate);
    }

    public static String truncate(InetAddress address) {
        byte[] bytes = address.getAddress();
        int keep = bytes.length == 4 ? 3 : 6;
        for (int i = keep; i < bytes.length; i++) {
            bytes[i] = 0;
        }
        try {
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first address of an X-Forwarded-For header (the client as the first proxy saw it). */
    public static String firstForwarded(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        int comma = header.indexOf(',');
        return (comma < 0 ? header : header.substring(0, comma)).strip();
    }

    private static boolean isLiteral(String t) {
        boolean colon = t.indexOf(':') >= 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean ok = Character.digit(c, 16) >= 0 || c == ':' || c == '.';
            if (!ok || (!colon && !(Character.isDigit(c) || c == '.'))) {
                return false;
            }
        }
        if (!colon) {
            String[] parts = t.split("\\.", -1);
            if (parts.length != 4) {
                return false;
            }
            for (String p : parts) {
                if (p.isEmpty() || p.length() > 3 || Integer.parseInt(p) > 255) {
                    return false;
                }
            }
        }
        return true;
    }
}
