import Foundation
import HeraldRouting
import Testing

/// `herald route --portability FILE`: a ported number routes by the network it moved to.
@Suite struct PortabilityRouteCheckTests {
    static let routes = """
        links: [telekom, vodafone, other]
        rules:
          - { id: to-vodafone, network: 262-02, links: [{ link: vodafone }] }
          - { id: to-telekom, network: 262-01, links: [{ link: telekom }] }
          - { id: rest, default: true, links: [{ link: other }] }
        """

    func file(_ text: String, _ ext: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("herald-portability-\(UUID().uuidString).\(ext)").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aPortedNumberRoutesToItsNewNetworkOthersByPrefix() throws {
        let routes = try file(Self.routes, "yaml")
        let ported = try file("e164,mcc,mnc,name\n+4915112345678,262,02,Vodafone\n", "csv")
        defer {
            try? FileManager.default.removeItem(atPath: routes)
            try? FileManager.default.removeItem(atPath: ported)
        }
        // 0151 was allocated to Telekom (262-01).
        let original = try RouteCheck(number: "+4915112345678", routesPath: routes).run()
        #expect(original.mcc == "262" && original.mnc == "01")
        #expect(original.plan.links == ["telekom"])

        let moved = try RouteCheck(number: "+4915112345678", routesPath: routes, portabilityPath: ported).run()
        #expect(moved.mnc == "02")
        #expect(moved.networkSource == "ported")
        #expect(moved.plan.links == ["vodafone"])

        // A neighbour that did not port keeps the allocated network.
        let neighbour = try RouteCheck(number: "+4915112345679", routesPath: routes, portabilityPath: ported).run()
        #expect(neighbour.plan.links == ["telekom"])
    }

    @Test func aBadPortabilityFileNamesTheLine() throws {
        let routes = try file(Self.routes, "yaml")
        let broken = try file("+4915112345678,262,02\n+4915112345679,26,02\n", "csv")
        defer {
            try? FileManager.default.removeItem(atPath: routes)
            try? FileManager.default.removeItem(atPath: broken)
        }
        let error = #expect(throws: RouteCheckError.self) { try RouteCheck(number: "+4915112345678", routesPath: routes, portabilityPath: broken).run() }
        #expect(error?.code == "invalid_portability_file")
        #expect(error?.message.contains("line 2") == true)
        let missing = #expect(throws: RouteCheckError.self) {
            try RouteCheck(number: "+4915112345678", routesPath: routes, portabilityPath: broken + ".missing").run()
        }
        #expect(missing?.code == "invalid_portability_file")
    }
}
