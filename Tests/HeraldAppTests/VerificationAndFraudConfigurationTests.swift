import Foundation
import HeraldCore
import Logging
import Testing
@testable import HeraldApp

/// The `verification:`, `fraud_guard:` and `portability_file:` sections: decoded strictly, validated with
/// messages that name the key, and turned into the core's policy objects.
@Suite struct VerificationAndFraudConfigurationTests {
    @Test func defaultsEqualTheCoreDefaults() throws {
        let configuration = try ConfigurationLoader.parse(yaml: "")
        #expect(configuration.verification.policy == VerificationPolicy())
        #expect(configuration.verification.rateLimits.rateLimits == VerificationRateLimits())
        #expect(configuration.fraudGuard.configuration == FraudGuardConfiguration())
        #expect(configuration.portabilityFile == nil)
        let account = configuration.verification.rateLimits.account.rateLimit
        #expect(account.capacity == AccountLimits().verificationBurst)
        #expect(account.refillPerSecond == AccountLimits().verificationsPerSecond)
    }

    @Test func everyKeyIsRead() throws {
        let configuration = try ConfigurationLoader.parse(yaml: """
            portability_file: /etc/herald/ported.csv
            verification:
              default_lifetime_seconds: 300
              default_code_length: 8
              max_checks: 3
              max_sends_per_number: 4
              send_window_seconds: 900
              sender: Acme
              rate_limits:
                end_user_ip: { burst: 5, count: 20, interval_seconds: 3600 }
                client_ip: { burst: 100, count: 50, interval_seconds: 1 }
                number: { burst: 3, count: 3, interval_seconds: 600 }
                prefix: { burst: 30, count: 300, interval_seconds: 3600 }
                account: { burst: 20, count: 10, interval_seconds: 1 }
            fraud_guard:
              enabled: false
              suffix_digits: 4
              window_seconds: 900
              window_bucket_seconds: 30
              baseline_window_seconds: 43200
              baseline_bucket_seconds: 1800
              baseline_minimum_sends: 40
              default_baseline: 0.5
              baseline_floor: 0.2
              conversion_ratio: 0.3
              per_account: { min_sends: 30, min_distinct_numbers: 15 }
              global: null
              block_duration_seconds: 3600
              escalation_lookback_seconds: 86400
              max_block_duration_seconds: 86400
              refresh_interval_seconds: 10
              safe_list_cache_seconds: 5
              max_safe_list_entries: 50
              max_tracked_ranges: 5000
            """)
        try configuration.validate()
        #expect(configuration.portabilityFile == "/etc/herald/ported.csv")
        let policy = configuration.verification.policy
        #expect(policy.defaultLifetime == .seconds(300))
        #expect(policy.defaultCodeLength == 8)
        #expect(policy.maximumChecks == 3)
        #expect(policy.maximumSendsPerNumber == 4)
        #expect(policy.sendWindow == .seconds(900))
        #expect(policy.sender == "Acme")
        let limits = configuration.verification.rateLimits.rateLimits
        #expect(limits.perEndUserAddress == .perInterval(20, .seconds(3600), burst: 5))
        #expect(limits.perClientAddress == RateLimit(capacity: 100, refillPerSecond: 50))
        #expect(limits.perNumber == .perInterval(3, .seconds(600)))
        #expect(limits.perPrefix == .perInterval(300, .seconds(3600), burst: 30))
        #expect(configuration.verification.rateLimits.account.rateLimit == RateLimit(capacity: 20, refillPerSecond: 10))
        let fraud = configuration.fraudGuard.configuration
        #expect(!fraud.enabled)
        #expect(fraud.suffixDigits == 4)
        #expect(fraud.window == .seconds(900) && fraud.windowBucket == .seconds(30))
        #expect(fraud.baselineWindow == .seconds(43_200) && fraud.baselineBucket == .seconds(1800))
        #expect(fraud.baselineMinimumSends == 40 && fraud.defaultBaseline == 0.5 && fraud.baselineFloor == 0.2 && fraud.conversionRatio == 0.3)
        #expect(fraud.perAccount == .init(minimumSends: 30, minimumDistinctNumbers: 15))
        #expect(fraud.global == nil)
        #expect(fraud.blockDuration == .seconds(3600) && fraud.escalationLookback == .seconds(86_400) && fraud.maximumBlockDuration == .seconds(86_400))
        #expect(fraud.refreshInterval == .seconds(10) && fraud.safeListCacheDuration == .seconds(5))
        #expect(fraud.maximumSafeListEntries == 50 && fraud.maximumTrackedRanges == 5000)
    }

    @Test func leavingGlobalOutKeepsTheDefault() throws {
        let configuration = try ConfigurationLoader.parse(yaml: "fraud_guard:\n  enabled: true\n")
        #expect(configuration.fraudGuard.configuration.global == FraudGuardConfiguration().global)
    }

    @Test(arguments: [
        ("verification:\n  default_lifetime_seconds: 30\n", "verification.default_lifetime_seconds"),
        ("verification:\n  default_lifetime_seconds: 1801\n", "verification.default_lifetime_seconds"),
        ("verification:\n  default_code_length: 12\n", "verification.default_code_length"),
        ("verification:\n  max_checks: 0\n", "verification.max_checks"),
        ("verification:\n  max_sends_per_number: 0\n", "verification.max_sends_per_number"),
        ("verification:\n  send_window_seconds: 10\n", "verification.send_window_seconds"),
        ("verification:\n  sender: 'This sender is far too long'\n", "verification.sender"),
        ("verification:\n  rate_limits:\n    number: { burst: 0, count: 5, interval_seconds: 600 }\n", "verification.rate_limits.number.burst"),
        ("verification:\n  rate_limits:\n    prefix: { burst: 5, count: 5, interval_seconds: 0 }\n", "verification.rate_limits.prefix.interval_seconds"),
        ("fraud_guard:\n  suffix_digits: 9\n", "fraud_guard.suffix_digits"),
        ("fraud_guard:\n  window_seconds: 1800\n  window_bucket_seconds: 7\n", "fraud_guard.window_bucket_seconds"),
        ("fraud_guard:\n  baseline_window_seconds: 600\n", "fraud_guard.baseline_window_seconds"),
        ("fraud_guard:\n  conversion_ratio: 0\n", "fraud_guard.conversion_ratio"),
        ("fraud_guard:\n  per_account: { min_sends: 5, min_distinct_numbers: 9 }\n", "fraud_guard.per_account.min_distinct_numbers"),
        ("fraud_guard:\n  block_duration_seconds: 7200\n  max_block_duration_seconds: 3600\n", "fraud_guard.max_block_duration_seconds"),
        ("portability_file: ''\n", "portability_file"),
    ])
    func badValuesAreRefusedNamingTheKey(yaml: String, key: String) throws {
        let configuration = try ConfigurationLoader.parse(yaml: yaml)
        #expect { try configuration.validate() } throws: { error in
            "\(error)".contains("'\(key)") || "\(error)".contains(key)
        }
    }

    @Test func unknownAndMistypedKeysAreRefused() {
        #expect { try ConfigurationLoader.parse(yaml: "verification:\n  lifetime: 300\n") } throws: { "\($0)".contains("'lifetime'") && "\($0)".contains("verification") }
        #expect { try ConfigurationLoader.parse(yaml: "fraud_guard:\n  window: 1800\n") } throws: { "\($0)".contains("'window'") }
        #expect { try ConfigurationLoader.parse(yaml: "verification:\n  rate_limits:\n    number: { burst: 5, per: 600 }\n") } throws: { "\($0)".contains("'per'") }
        #expect { try ConfigurationLoader.parse(yaml: "fraud_guard:\n  per_account: { min_sends: 20 }\n") } throws: { "\($0)".contains("min_distinct_numbers") }
        #expect { try ConfigurationLoader.parse(yaml: "verification:\n  max_checks: five\n") } throws: { "\($0)".contains("max_checks") }
    }

    @Test func aBrokenPortabilityFileStopsTheStartNamingTheLine() throws {
        let path = FileManagerShim.temporaryPath("csv")
        try "+4915112345678,262,02\n+4915112345679,2620,02\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { FileManagerShim.remove(path) }
        #expect { try PortabilityFileLoader.load(path, logger: .init(label: "test")) } throws: { error in
            "\(error)".contains("portability_file") && "\(error)".contains("line 2")
        }
        try "+4915112345678,262,02\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try PortabilityFileLoader.load(path, logger: .init(label: "test"))?.count == 1)
        #expect(try PortabilityFileLoader.load(nil, logger: .init(label: "test")) == nil)
    }
}

/// The settings blocks in docs/fraud-guard.md and docs/verification.md are real configuration, and show
/// the defaults.
@Suite struct SettingsDocumentationTests {
    static func yamlBlock(in page: String, startingWith prefix: String) throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("docs/\(page)"), encoding: .utf8)
        for block in text.components(separatedBy: "```yaml\n").dropFirst() {
            let body = block.components(separatedBy: "\n```").first ?? ""
            if body.hasPrefix(prefix) { return body }
        }
        throw ConfigurationError("no yaml block starting with \(prefix) in docs/\(page)")
    }

    @Test func fraudGuardPageShowsTheDefaults() throws {
        let configuration = try ConfigurationLoader.parse(yaml: try Self.yamlBlock(in: "fraud-guard.md", startingWith: "fraud_guard:"))
        try configuration.validate()
        #expect(configuration.fraudGuard.configuration == FraudGuardConfiguration())
    }

    @Test func verificationPageShowsTheDefaults() throws {
        let configuration = try ConfigurationLoader.parse(yaml: try Self.yamlBlock(in: "verification.md", startingWith: "verification:"))
        try configuration.validate()
        #expect(configuration.verification == VerificationSection())
    }
}
