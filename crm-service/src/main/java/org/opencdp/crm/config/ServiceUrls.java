package org.opencdp.crm.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Base URLs of the other services (env CDP_SERVICES_CRM, _DMP, _PROFILE, _SEGMENT). */
@ConfigMapping(prefix = "cdp.services")
public interface ServiceUrls {
    @WithDefault("http://localhost:8081")
    String crm();

    @WithDefault("http://localhost:8082")
    String dmp();

    @WithDefault("http://localhost:8083")
    String profile();

    @WithDefault("http://localhost:8084")
    String segment();
}
