import Foundation
import HeraldApp
import HeraldCore
import Logging
import Testing
import Yams

/// Herald offers no location, roaming, IMSI, serving-network or HLR look-up — the capability that lets an
/// aggregator's carrier access be misused to track phones. This test fails if any HTTP route of a real node,
/// or any operation, parameter or schema property of docs/openapi.yaml, names one.
@Suite struct NoLocationLookupTests {
    /// Words that name subscriber-location or network-registration data (compared as whole words of
    /// identifiers split at `/`, `_`, `-`, `.`, `{`, `}` and camel case).
    static let forbiddenWords: Set<String> = [
        "location", "locations", "locate", "geolocation", "geo", "latitude", "longitude", "lat", "lon", "lng", "gps", "lbs",
        "roaming", "roam", "imsi", "hlr", "vlr", "hss", "msc", "msrn", "sgsn", "mme", "cell", "cellid", "ati", "sri", "psi",
    ]
    /// Word pairs that name the same (e.g. `serving_network`, `sendRoutingInfo`).
    static let forbiddenPhrases: [[String]] = [
        ["serving", "network"], ["send", "routing", "info"], ["any", "time", "interrogation"], ["provide", "subscriber", "info"],
        ["subscriber", "info"], ["home", "location"], ["visited", "network"], ["current", "network"],
    ]

    static func words(_ identifier: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previousWasLower = false
        for character in identifier {
            if character.isLetter || character.isNumber {
                if character.isUppercase && previousWasLower && !current.isEmpty {
                    words.append(current)
                    current = ""
                }
                current.append(Character(character.lowercased()))
                previousWasLower = character.isLowercase || character.isNumber
            } else {
                if !current.isEmpty { words.append(current) }
                current = ""
                previousWasLower = false
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// The identifiers among `names` that name a location-type capability.
    static func offenders(_ names: some Sequence<String>) -> [String] {
        names.filter { name in
            let parts = words(name)
            if parts.contains(where: forbiddenWords.contains) { return true }
            return forbiddenPhrases.contains { phrase in
                parts.count >= phrase.count && (0...(parts.count - phrase.count)).contains { Array(parts[$0..<($0 + phrase.count)]) == phrase }
            }
        }.sorted()
    }

    /// Path templates, operation ids, parameter names and schema property names of an OpenAPI document.
    /// Response header names (such as `Location` of a 201 answer) are not capabilities and are skipped.
    static func openAPINames(_ yaml: String) throws -> [String] {
        guard let document = try Yams.load(yaml: yaml) as? [String: Any] else { return [] }
        var names: [String] = []
        if let paths = document["paths"] as? [String: Any] { names += paths.keys }
        func walk(_ node: Any, key: String?) {
            if let dictionary = node as? [String: Any] {
                if key == "headers" { return }
                if key == "properties" { names += dictionary.keys }
                if let id = dictionary["operationId"] as? String { names.append(id) }
                if let name = dictionary["name"] as? String, dictionary["in"] != nil { names.append(name) }
                for (childKey, child) in dictionary { walk(child, key: childKey) }
            } else if let array = node as? [Any] {
                for child in array { walk(child, key: nil) }
            }
        }
        walk(document, key: nil)
        return names
    }

    @Test func theCheckerCatchesLocationTypeNames() {
        let bad = [
            "GET /v1/hlr/{number}", "/v1/numbers/{msisdn}/location", "roaming_status", "servingNetwork", "serving-network-mcc", "imsi",
            "cell_id", "lastKnownLatitude", "POST /v1/sendRoutingInfo",
        ]
        #expect(Self.offenders(bad) == bad.sorted())
        let fine = ["POST /v1/messages", "GET /v1/messages/{id}", "mcc", "mnc", "network", "region_code", "callback_url", "GET /v1/audit/entries"]
        #expect(Self.offenders(fine).isEmpty)
    }

    @Test func noRouteOfARealNodeOffersALocationLookup() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("herald-app-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        var configuration = HeraldConfiguration()
        configuration.dataDirectory = directory.path
        configuration.simulator.enabled = false
        configuration.carriers = [CarrierLinkConfiguration(id: "acme", host: "127.0.0.1", port: 1, systemID: "herald", password: "pw", binds: 1, window: 1)]
        var logger = Logger(label: "herald.tests.app")
        logger.logLevel = .critical
        let application = try await HeraldApplication.make(configuration: configuration, logger: logger)
        let routes = application.registeredRoutes
        await application.close()
        #expect(routes.count > 15)
        #expect(routes.contains("GET /v1/audit/checkpoint"))
        #expect(Self.offenders(routes).isEmpty, "location-type routes: \(Self.offenders(routes))")
    }

    @Test func theAPIDocumentDescribesNoLocationData() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let yaml = try String(contentsOf: root.appendingPathComponent("docs/openapi.yaml"), encoding: .utf8)
        let names = try Self.openAPINames(yaml)
        #expect(names.count > 50)
        #expect(names.contains("to") && names.contains("/v1/messages"))
        #expect(Self.offenders(names).isEmpty, "location-type operations or fields in docs/openapi.yaml: \(Self.offenders(names))")
    }
}
