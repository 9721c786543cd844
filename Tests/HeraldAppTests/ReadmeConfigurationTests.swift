import Foundation
import Testing
@testable import HeraldApp

/// The README's complete `herald.yaml` is a valid configuration and names every key Herald reads.
@Suite struct ReadmeConfigurationTests {
    static func readmeBlock() throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        guard let section = readme.range(of: "## Configuration"), let start = readme.range(of: "```yaml\n", range: section.upperBound..<readme.endIndex),
              let end = readme.range(of: "\n```", range: start.upperBound..<readme.endIndex) else {
            throw ConfigurationError("README.md has no yaml block under ## Configuration")
        }
        return String(readme[start.upperBound..<end.lowerBound])
    }

    @Test func theExampleIsValid() throws {
        let configuration = try ConfigurationLoader.parse(yaml: try Self.readmeBlock(), source: "README.md")
        try configuration.validate()
        #expect(configuration.carriers.count == 1)
        // Apart from the marked examples, the values are the defaults.
        var defaults = configuration
        defaults.nodeID = nil
        defaults.portabilityFile = nil
        defaults.database.url = nil
        defaults.carriers = []
        defaults.simulator.rules = []
        defaults.audit.origin = nil
        #expect(defaults == HeraldConfiguration())
    }

    @Test func everyKeyIsShown() throws {
        let block = try Self.readmeBlock()
        var keys: [String] = []
        keys += HeraldConfiguration.CodingKeys.allCases.map(\.stringValue)
        keys += DatabaseSection.CodingKeys.allCases.map(\.stringValue)
        keys += HTTPSection.CodingKeys.allCases.map(\.stringValue)
        keys += SimulatorSection.CodingKeys.allCases.map(\.stringValue)
        keys += SimulatorRuleSection.CodingKeys.allCases.map(\.stringValue)
        keys += CarrierLinkConfiguration.CodingKeys.allCases.map(\.stringValue)
        keys += MessagesSection.CodingKeys.allCases.map(\.stringValue)
        keys += WebhooksSection.CodingKeys.allCases.map(\.stringValue)
        keys += RetentionSection.CodingKeys.allCases.map(\.stringValue)
        keys += LoggingSection.CodingKeys.allCases.map(\.stringValue)
        keys += VerificationSection.CodingKeys.allCases.map(\.stringValue)
        keys += VerificationRateLimitsSection.CodingKeys.allCases.map(\.stringValue)
        keys += RateLimitSection.CodingKeys.allCases.map(\.stringValue)
        keys += FraudGuardSection.CodingKeys.allCases.map(\.stringValue)
        keys += FraudThresholdsSection.CodingKeys.allCases.map(\.stringValue)
        keys += AuditSection.CodingKeys.allCases.map(\.stringValue)
        keys += DispatchSection.CodingKeys.allCases.map(\.stringValue)
        keys += CustomerSMPPSection.CodingKeys.allCases.map(\.stringValue)
        keys += ClusterSection.CodingKeys.allCases.map(\.stringValue)
        let missing = keys.filter { key in
            block.range(of: "(^|[\\s{,])\(key):", options: .regularExpression) == nil
        }
        #expect(missing.isEmpty, "keys missing from the README's herald.yaml: \(missing)")
    }
}
