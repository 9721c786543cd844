import HeraldCore
import Testing
@testable import HeraldApp

/// `dispatch:` — the lease and in-flight limit of a node's claims (a cluster's take-over time).
@Suite struct DispatchConfigurationTests {
    @Test func theDefaultsAreTheDispatchersOwn() throws {
        let configuration = try ConfigurationLoader.parse(yaml: "")
        #expect(configuration.dispatch == DispatchSection())
        #expect(configuration.dispatch.dispatchConfiguration == DispatchConfiguration())
    }

    @Test func theSectionSetsLeaseAndInFlight() throws {
        let configuration = try ConfigurationLoader.parse(yaml: """
            dispatch:
              lease_seconds: 10
              max_in_flight: 100
            """)
        try configuration.validate()
        let dispatch = configuration.dispatch.dispatchConfiguration
        #expect(dispatch.lease == .seconds(10))
        #expect(dispatch.maximumInFlight == 100)
        #expect(dispatch.claimBatchSize == 100, "a claim never takes more than the node may have in flight")
    }

    @Test func mistakesAreReportedWithTheirKey() throws {
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader.parse(yaml: "dispatch:\n  lease: 10\n") }
        var configuration = HeraldConfiguration()
        configuration.dispatch.leaseSeconds = 4
        #expect(throws: ConfigurationError("'dispatch.lease_seconds' must be 5-3600, got 4")) { try configuration.validate() }
        configuration.dispatch = DispatchSection(maximumInFlight: 0)
        #expect(throws: ConfigurationError("'dispatch.max_in_flight' must be 1-10000, got 0")) { try configuration.validate() }
    }
}
