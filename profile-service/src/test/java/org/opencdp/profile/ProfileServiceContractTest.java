package org.opencdp.profile;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.opencdp.localstores.testing.MongoTestResource;
import org.opencdp.localstores.testing.ServiceContractTest;
import org.opencdp.localstores.testing.TokenTestResource;

@QuarkusTest
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(TokenTestResource.class)
class ProfileServiceContractTest extends ServiceContractTest {
    @Override
    protected String apiPrefix() {
        return "/api/profiles";
    }

    @Override
    protected String databaseCheckName() {
        return "MongoDB";
    }
}
