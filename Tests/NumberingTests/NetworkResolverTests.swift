import Foundation
import Testing
@testable import Numbering

@Suite struct NetworkResolverTests {
    let plan = NumberingPlan.shared

    @Test func resolvesTheOriginallyAllocatedNetworkByPrefix() throws {
        let resolver = NetworkResolver()
        let tMobile = try #require(resolver.network(for: try plan.parse("+49 1511 2345678")))
        #expect(tMobile == MobileNetwork(mcc: "262", mnc: "01", name: "T-Mobile", source: .prefix))
        #expect(tMobile.plmn == "26201")
        let o2 = try #require(resolver.network(for: try plan.parse("0176 12345678", defaultRegion: "DE")))
        #expect(o2.mcc == "262")
        #expect(o2.mnc == "07")
        let three = try #require(resolver.network(for: try plan.parse("+44 7400 123456")))
        #expect(three.mcc == "234")
        #expect(three.mnc == "20")
        let mtn = try #require(resolver.network(for: try plan.parse("+234 803 123 4567")))
        #expect(mtn.plmn == "62130")
        #expect(mtn.name == "MTN")
    }

    @Test func unknownRangesHaveNoNetwork() throws {
        let resolver = NetworkResolver()
        // Full portability and no public range data in the US.
        #expect(resolver.network(for: try plan.parse("+1 212 555 0123")) == nil)
        #expect(resolver.networkName(for: try plan.parse("+1 212 555 0123")) == nil)
    }

    @Test func nameWithoutNetworkCode() throws {
        // Barbados range of Cable & Wireless: libphonenumber names it, but the MCC/MNC list has
        // no matching provider.
        let number = try plan.parse("+1 246 235 1234")
        let resolver = NetworkResolver()
        #expect(resolver.networkName(for: number) == "Cable & Wireless")
        #expect(resolver.network(for: number) == nil)
    }

    @Test func portabilityTableOverridesPrefixData() throws {
        let table = try InMemoryPortabilityTable(csv: """
            e164,mcc,mnc,name
            +4915112345678,262,02,Vodafone
            +12125550123,310,410,
            """)
        #expect(table.count == 2)
        let resolver = NetworkResolver(portability: table)
        let ported = try #require(resolver.network(for: try plan.parse("+49 1511 2345678")))
        #expect(ported == MobileNetwork(mcc: "262", mnc: "02", name: "Vodafone", source: .ported))
        #expect(resolver.networkName(for: try plan.parse("+49 1511 2345678")) == "Vodafone")
        let neighbour = try #require(resolver.network(for: try plan.parse("+49 1511 2345679")))
        #expect(neighbour.source == .prefix)
        #expect(neighbour.mnc == "01")
        let american = try #require(resolver.network(for: try plan.parse("+1 212 555 0123")))
        #expect(american == MobileNetwork(mcc: "310", mnc: "410", name: nil, source: .ported))
    }

    @Test func customPortabilitySources() throws {
        struct Everything: PortabilityTable {
            func network(forE164 e164: String) -> MobileNetwork? {
                MobileNetwork(mcc: "001", mnc: "01", name: "test", source: .prefix)
            }
        }
        let resolver = NetworkResolver(portability: Everything())
        let network = try #require(resolver.network(for: try plan.parse("+44 7400 123456")))
        #expect(network.source == .ported)
        #expect(network.plmn == "00101")
    }

    @Test func embeddedPrefixDataCoverage() {
        let data = NetworkPrefixData.shared
        #expect(data.prefixes.count > 29_000)
        #expect(data.prefixesWithNetworkCode > 22_000)
        #expect(NetworkResolver.prefixDataSource.contains("mobile-broadband-provider-info"))
    }
}

@Suite struct InMemoryPortabilityTableTests {
    @Test func parsesCommentsQuotesAndLineEndings() throws {
        let table = try InMemoryPortabilityTable(csv: "# exported 2024-06-01\r\n\r\n"
            + "+447700900123 , 234 , 30\r\n"
            + "447700900124,234,015,\"Name, with \"\"quotes\"\"\"\r\n")
        #expect(table.count == 2)
        #expect(table.network(forE164: "+447700900123") == MobileNetwork(mcc: "234", mnc: "30", name: nil, source: .ported))
        let quoted = try #require(table.network(forE164: "+447700900124"))
        #expect(quoted.mnc == "015")
        #expect(quoted.name == "Name, with \"quotes\"")
        #expect(table.network(forE164: "+447700900125") == nil)
        #expect(table.network(forE164: "not a number") == nil)
    }

    @Test func documentedExampleLoads() throws {
        let table = try InMemoryPortabilityTable(csv: """
            # comment lines and blank lines are skipped
            e164,mcc,mnc,name
            +4915123456789,262,02,Vodafone
            +447700900123,234,30
            "+33612345678",208,10,"SFR, ported 2024"
            """)
        #expect(table.count == 3)
        #expect(table.network(forE164: "+33612345678")?.name == "SFR, ported 2024")
    }

    @Test func reportsEveryBadLineWithItsNumber() {
        let csv = """
            e164,mcc,mnc,name
            +4915112345678,262,02,Vodafone
            +49151,26,02
            4915112345679,262,2
            +0151,262,02
            +4915112345678,262,03
            +4915112345680;262;02
            +4915112345681,262,02,"open
            +49 151 12345682,262,02
            """
        #expect {
            try InMemoryPortabilityTable(csv: csv)
        } throws: { error in
            guard let error = error as? PortabilityTableError else { return false }
            let found = error.issues.map { "\($0.line) \($0.code.rawValue)" }
            return found == [
                "3 invalid_mcc", "4 invalid_mnc", "5 invalid_number", "6 duplicate_number",
                "7 invalid_field_count", "8 invalid_field_count", "9 invalid_number",
            ] && error.totalIssueCount == 7 && error.code == "invalid_mcc"
                && error.issues[3].message.contains("line 2")
        }
    }

    @Test func recordsAreValidatedToo() throws {
        let table = try InMemoryPortabilityTable([
            .init(e164: "+33612345678", mcc: "208", mnc: "01", name: "Orange"),
            .init(e164: "+33612345679", mcc: "208", mnc: "10"),
        ])
        #expect(table.network(forE164: "+33612345679")?.mnc == "10")
        #expect(throws: PortabilityTableError.self) {
            try InMemoryPortabilityTable([.init(e164: "+33612345678", mcc: "2080", mnc: "01")])
        }
    }

    @Test func loadsFilesAndReportsUnreadableOnes() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ported-\(UUID().uuidString).csv")
        try "+4915112345678,262,02\n".write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let table = try InMemoryPortabilityTable(contentsOfFile: url.path)
        #expect(table.count == 1)
        #expect {
            try InMemoryPortabilityTable(contentsOfFile: url.path + ".missing")
        } throws: { error in
            (error as? PortabilityTableError)?.issues.first?.code == .unreadableFile
        }
    }
}
