import Testing
@testable import HeraldApp

/// `cluster:` — bind lease timing and its limits.
@Suite struct ClusterConfigurationTests {
    @Test func leaseTimingDecodesWithDefaults() throws {
        let defaults = try ConfigurationLoader.parse(yaml: "")
        #expect(defaults.cluster.bindLeaseSettings.ttl == .seconds(5))
        #expect(defaults.cluster.bindLeaseSettings.renewInterval == .seconds(1))
        let configured = try ConfigurationLoader.parse(yaml: """
            cluster:
              bind_lease_ttl_ms: 9000
              bind_lease_renew_ms: 500
            """)
        try configured.validate()
        #expect(configured.cluster.bindLeaseSettings.ttl == .milliseconds(9000))
        #expect(configured.cluster.bindLeaseSettings.renewInterval == .milliseconds(500))
    }

    @Test(arguments: [
        (ttl: 2000, renew: 1000),   // TTL under 3 renew intervals
        (ttl: 5000, renew: 100),    // renewing too often
        (ttl: 5000, renew: 20_000),  // renewing too rarely
        (ttl: 500, renew: 200),     // TTL under 1 s
        (ttl: 200_000, renew: 1000),  // TTL over 120 s
    ])
    func leaseTimingOutsideItsLimitsIsRefused(ttl: Int, renew: Int) throws {
        var configuration = HeraldConfiguration()
        configuration.cluster = ClusterSection(bindLeaseTTLMilliseconds: ttl, bindLeaseRenewMilliseconds: renew)
        #expect(throws: ConfigurationError.self) { try configuration.validate() }
    }

    @Test func unknownClusterKeysAreRefused() {
        #expect(throws: (any Error).self) { try ConfigurationLoader.parse(yaml: "cluster:\n  bind_lease_seconds: 5\n") }
    }
}
