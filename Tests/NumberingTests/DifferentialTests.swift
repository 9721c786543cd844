import Foundation
import Testing
@testable import Numbering

/// Compares Herald's parser with libphonenumber (Python `phonenumbers`) on a generated sample of
/// about 100,000 inputs across all regions; see scripts/numbering/differential_sample.py.
@Suite struct DifferentialTests {
    /// Override with HERALD_NUMBERING_SAMPLE_SIZE / HERALD_NUMBERING_SEED to explore further.
    static let sampleSize = environmentInteger("HERALD_NUMBERING_SAMPLE_SIZE") ?? 100_000
    static let seed = environmentInteger("HERALD_NUMBERING_SEED") ?? 6
    static let target = 0.999

    private struct Expected {
        let input: String
        let region: String?
        let outcome: String
        let e164: String
        let regionCode: String
        let valid: String
        let type: String
    }

    @Test func agreesWithLibphonenumber() throws {
        guard try PythonReference.available(for: "DifferentialTests") else { return }
        let text = try PythonReference.output(
            ofScript: "differential_sample.py", arguments: ["--seed", String(Self.seed), "--count", String(Self.sampleSize)])
        let samples = text.split(separator: "\n").compactMap(Self.expected)
        #expect(samples.count == Self.sampleSize)

        let plan = NumberingPlan.shared
        var agree = ["outcome": 0, "e164": 0, "region": 0, "valid": 0, "type": 0]
        var compared = ["outcome": 0, "e164": 0, "region": 0, "valid": 0, "type": 0]
        var overall = 0
        var mismatches: [String] = []
        for sample in samples {
            var outcome = "ok"
            var number: PhoneNumber?
            do {
                number = try plan.parse(sample.input, defaultRegion: sample.region)
            } catch {
                outcome = error == .empty ? "not_a_number" : error.code
            }
            var fields: [(String, Bool)] = [("outcome", outcome == sample.outcome)]
            if let number, sample.outcome == "ok" {
                fields.append(("e164", number.e164 == sample.e164))
                fields.append(("region", number.regionCode == sample.regionCode))
                fields.append(("valid", (number.isValid ? "1" : "0") == sample.valid))
                fields.append(("type", number.type.rawValue == sample.type))
            }
            for (name, same) in fields {
                compared[name, default: 0] += 1
                if same { agree[name, default: 0] += 1 }
            }
            if fields.allSatisfy(\.1) {
                overall += 1
            } else if mismatches.count < 40 {
                let ours = number.map { "\($0.e164) \($0.regionCode) valid=\($0.isValid) \($0.type)" } ?? outcome
                mismatches.append(
                    "\(sample.input.debugDescription) region=\(sample.region ?? "-"): ours \(ours); "
                        + "libphonenumber \(sample.outcome) \(sample.e164) \(sample.regionCode) valid=\(sample.valid) \(sample.type)")
            }
        }

        let rate = Double(overall) / Double(max(samples.count, 1))
        var report = "Differential test against phonenumbers, \(samples.count) samples (seed \(Self.seed)); "
            + "Herald metadata: \(plan.metadataSource)\n"
        for name in ["outcome", "e164", "region", "valid", "type"] {
            let total = compared[name] ?? 0
            let same = agree[name] ?? 0
            report += "  \(name): \(same)/\(total) = \(Self.percent(same, total))\n"
        }
        report += "  overall: \(overall)/\(samples.count) = \(Self.percent(overall, samples.count)) (target \(Self.target * 100)%)"
        print(report)
        for line in mismatches { print("  mismatch: \(line)") }
        #expect(rate >= Self.target, "agreement \(rate) is below the target \(Self.target)")
    }

    private static func environmentInteger(_ name: String) -> Int? {
        ProcessInfo.processInfo.environment[name].flatMap { Int($0) }
    }

    private static func percent(_ part: Int, _ total: Int) -> String {
        guard total > 0 else { return "n/a" }
        let value = Double(part) * 100 / Double(total)
        return String(Int((value * 1000).rounded())).withDecimalPoint(3) + "%"
    }

    private static func expected(_ line: Substring) -> Expected? {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
        guard fields.count == 7, let bytes = hexBytes(fields[0]) else { return nil }
        return Expected(
            input: String(decoding: bytes, as: UTF8.self),
            region: fields[1] == "-" ? nil : String(fields[1]),
            outcome: String(fields[2]), e164: String(fields[3]), regionCode: String(fields[4]),
            valid: String(fields[5]), type: String(fields[6]))
    }

    private static func hexBytes(_ hex: Substring) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(hex.utf8.count / 2)
        var high: UInt8?
        for character in hex.utf8 {
            let value: UInt8
            switch character {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = character - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = character - UInt8(ascii: "a") + 10
            default: return nil
            }
            if let first = high {
                bytes.append(first << 4 | value)
                high = nil
            } else {
                high = value
            }
        }
        return high == nil ? bytes : nil
    }
}

extension String {
    /// "99950" with 3 decimals → "99.950".
    fileprivate func withDecimalPoint(_ decimals: Int) -> String {
        let padded = String(repeating: "0", count: max(0, decimals + 1 - count)) + self
        return String(padded.dropLast(decimals)) + "." + String(padded.suffix(decimals))
    }
}
