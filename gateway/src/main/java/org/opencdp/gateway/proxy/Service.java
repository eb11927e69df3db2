package org.opencdp.gateway.proxy;

import java.util.Locale;

/** The services behind the gateway. */
public enum Service {
    CRM, DMP, PROFILE, SEGMENT;

    /** The name in config keys and messages: crm, dmp, profile, segment. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
