package org.opencdp.crm;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.opencdp.localstores.testing.PostgresTestResource;
import org.opencdp.localstores.testing.ServiceContractTest;
import org.opencdp.localstores.testing.TokenTestResource;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokenTestResource.class)
class CrmServiceContractTest extends ServiceContractTest {
    @Override
    protected String apiPrefix() {
        return "/api/crm";
    }

    @Override
    protected String databaseCheckName() {
        return "Database";
    }
}
