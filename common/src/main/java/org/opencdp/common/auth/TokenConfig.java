package org.opencdp.common.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Workspace token settings: the gateway signs with the private key, services verify with the public key. */
@ConfigMapping(prefix = "cdp.token")
public interface TokenConfig {
    /** PEM of the RSA public key that verifies gateway tokens (env CDP_TOKEN_PUBLIC_KEY). */
    Optional<String> publicKey();

    /** PEM of the RSA private key, gateway only (env CDP_TOKEN_PRIVATE_KEY). */
    Optional<String> privateKey();

    /** Lifetime of a token the gateway issues. */
    @WithDefault("PT5M")
    Duration ttl();

    /** Whether this service demands a gateway token on its API (false only on the gateway itself). */
    @WithDefault("true")
    boolean required();
}
