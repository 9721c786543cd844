import Foundation
import Testing

/// Under `HERALD_REQUIRE_INTEROP=1` (CI) the PostgreSQL cases must not silently drop out of the contract suite.
@Suite struct PostgresRequirementTests {
    @Test func postgresIsConfiguredWhenRequired() {
        let required = ProcessInfo.processInfo.environment["HERALD_REQUIRE_INTEROP"] == "1"
        if PostgresBackend.configuredURL == nil {
            if required {
                Issue.record("PostgreSQL is required (HERALD_REQUIRE_INTEROP=1) but HERALD_TEST_POSTGRES_URL is not set: the storage contract suite ran on SQLite only")
            } else {
                print("⚠️ PostgreSQL storage tests skipped: set HERALD_TEST_POSTGRES_URL (e.g. postgres://herald:herald@127.0.0.1:5433/herald_test)")
            }
        } else {
            #expect(StoreFactory.all.map(\.name).contains("PostgreSQL"))
        }
    }
}
