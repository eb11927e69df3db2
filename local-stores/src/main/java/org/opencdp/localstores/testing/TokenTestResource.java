package org.opencdp.localstores.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.opencdp.common.auth.TokenKeys;

/** Gives the service under test a freshly generated token key pair; tests mint tokens with {@link TestTokens}. */
public class TokenTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "cdp.token.public-key", TokenKeys.toPem(TestTokens.KEYS.getPublic()),
                "cdp.token.private-key", TokenKeys.toPem(TestTokens.KEYS.getPrivate()));
    }

    @Override
    public void stop() {
        // nothing to stop
    }
}
