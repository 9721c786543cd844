import Foundation
import Testing
@testable import Numbering

@Suite struct NumberingMetadataTests {
    @Test func embeddedTableCoversEveryCallingCode() throws {
        let metadata = try NumberingMetadata.embedded()
        #expect(metadata.regions.count == 254)
        #expect(metadata.regionIndex.count == 245)
        let nonGeographic = metadata.regions.filter { $0.regionCode == "001" }.map(\.callingCode)
        #expect(nonGeographic == [800, 808, 870, 878, 881, 882, 883, 888, 979])
        #expect(metadata.mainRegion(forCallingCode: 1)?.regionCode == "US")
        #expect(metadata.mainRegion(forCallingCode: 44)?.regionCode == "GB")
        #expect(metadata.mainRegion(forCallingCode: 7)?.regionCode == "RU")
        let germany = try #require(metadata.regions.first { $0.regionCode == "DE" })
        #expect(germany.callingCodeDigits == [4, 9])
        #expect(germany.internationalPrefix?.literal == [0, 0])
        #expect(germany.automaton.stateCount > 100)
    }

    /// A hand-written table: region "XA" with calling code 999 and four-digit fixed-line numbers.
    static let tinyTable = [
        "herald-numbering-metadata\t1",
        "source\thand-written test table",
        "descriptions\tgeneral_desc,fixed_line,mobile,toll_free,premium_rate,shared_cost,personal_number,voip,pager,uan,voicemail",
        ["R", "XA", "999", "00", "0", "0", "", "0", "", "4", "",
         "10,10,3ffff,3ffff,3ffff,3ffff,3ffff,3ffff,3ffff,3ffff,3ffff",
         "0:1,1,1,1,1,1,1,1,1,1;0:2,2,2,2,2,2,2,2,2,2;0:3,3,3,3,3,3,3,3,3,3;0:4,4,4,4,4,4,4,4,4,4;3:,,,,,,,,,"].joined(separator: "\t"),
    ].joined(separator: "\n")

    @Test func customTablesCanBeLoaded() throws {
        let plan = try NumberingPlan(metadataTable: Self.tinyTable)
        #expect(plan.metadataSource == "hand-written test table")
        let number = try plan.parse("+999 1234")
        #expect(number.isValid)
        #expect(number.type == .fixedLine)
        #expect(number.regionCode == "XA")
        let national = try plan.parse("0 1234", defaultRegion: "XA")
        #expect(national.e164 == "+9991234")
        #expect(try plan.parse("+999 12345").isValid == false)
        #expect(throws: NumberParseError.invalidCountryCode) { try plan.parse("+49 151 23456789") }
    }

    @Test func corruptTablesAreRejectedWithTheLine() {
        func line(of table: String) -> Int? {
            do {
                _ = try NumberingPlan(metadataTable: table)
                return nil
            } catch {
                return error.line
            }
        }
        #expect(line(of: "") == 0)
        #expect(line(of: "herald-numbering-metadata\t2") == 1)
        #expect(line(of: Self.tinyTable.replacingOccurrences(of: "\t999\t", with: "\t9999\t")) == 4)
        #expect(line(of: Self.tinyTable.replacingOccurrences(of: "3:,,,,,,,,,", with: "3:,,,,,,,,,9")) == 4)
        #expect(line(of: Self.tinyTable.replacingOccurrences(of: "0:4,4,4", with: "0:7,4,4")) == 4)
        #expect(line(of: Self.tinyTable.replacingOccurrences(of: "\t00\t", with: "\t0a\t")) == 4)
        #expect(line(of: Self.tinyTable + "\nX\tunknown") == 5)
        #expect(line(of: Self.tinyTable + "\n" + Self.tinyTable.split(separator: "\n")[3]) == 5)
    }

    @Test func automatonMatchesWholeInputOnly() throws {
        let plan = try NumberingPlan(metadataTable: Self.tinyTable)
        let region = try #require(plan.region(named: "xa"))
        #expect(region.automaton.run([1, 2, 3, 4]) == [.general, .fixedLine])
        #expect(region.automaton.run([1, 2, 3]).isEmpty)
        #expect(region.automaton.run([1, 2, 3, 4, 5]).isEmpty)
        #expect(region.checkLength([1, 2, 3]) == .tooShort)
        #expect(region.checkLength([1, 2, 3, 4, 5]) == .tooLong)
    }

    @Test func generatedFilesAreUpToDate() throws {
        guard try PythonReference.available(for: "generatedFilesAreUpToDate") else { return }
        let metadata = try PythonReference.run(script: "generate_metadata.py", arguments: ["--check"])
        #expect(metadata == 0, "Sources/Numbering/Metadata/EmbeddedMetadata.swift is stale: run scripts/numbering/generate_metadata.py")
        // The provider list is a Debian package that CI is not required to have.
        guard FileManager.default.fileExists(atPath: "/usr/share/mobile-broadband-provider-info/serviceproviders.xml") else {
            print("generatedFilesAreUpToDate: mobile-broadband-provider-info is not installed; network data not checked.")
            return
        }
        let network = try PythonReference.run(script: "generate_network_data.py", arguments: ["--check"])
        #expect(network == 0, "EmbeddedNetworkData.swift is stale: run scripts/numbering/generate_network_data.py")
    }
}
