package org.opencdp.segment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.opencdp.localstores.testing.PostgresTestResource;
import org.opencdp.localstores.testing.ServiceContractTest;
import org.opencdp.localstores.testing.TokenTestResource;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokenTestResource.class)
class SegmentServiceContractTest extends ServiceContractTest {
    @Override
    protected String apiPrefix() {
        return "/api/segments";
    }

    @Override
    protected String databaseCheckName() {
        return "Database";
    }
}
