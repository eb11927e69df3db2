package org.opencdp.launcher.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.opencdp.launcher.Service;

/** The read endpoints the gateway bench can measure, from the cheapest read to a typical list. */
enum Endpoint {
    DMP_SETTINGS(Service.DMP, "/api/dmp/settings", "one Mongo document by _id: the cheapest read, the worst case"),
    CRM_DEAL_REASONS(Service.CRM, "/api/crm/deal-reasons", "a short list from PostgreSQL through Hibernate"),
    CRM_CONTACTS(Service.CRM, "/api/crm/contacts?tag=gateway-bench&sort=name&limit=20",
            "a filtered, sorted page of 20 contacts from PostgreSQL: the typical management read");


    private final Service service;
    private final String path;
    private final String description;

    Endpoint(Service service, String path, String description) {
        this.service = service;
        this.path = path;
        this.description = description;
    }

    Service service() {
        return service;
    }

    String path() {
        return path;
    }

    String description() {
        return description;
    }

    /** dmp-settings, crm-deal-reasons, crm-contacts. */
    String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Endpoint parse(String name) {
        return Arrays.stream(values()).filter(e -> e.wireName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--endpoint must be one of "
                        + Arrays.stream(values()).map(Endpoint::wireName).collect(Collectors.joining(", "))));
    }
}
