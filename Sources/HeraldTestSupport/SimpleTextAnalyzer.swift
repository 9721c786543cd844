import HeraldCore

/// A stand-in for the SMSText adapter in tests: ASCII counts as GSM 7-bit (160/153), anything else UCS-2
/// (70/67); at most 10 parts.
public struct SimpleTextAnalyzer: MessageTextAnalyzer {
    public var maximumParts: Int

    public init(maximumParts: Int = 10) {
        self.maximumParts = maximumParts
    }

    public func analyze(_ body: String) throws -> TextAnalysis {
        guard !body.isEmpty else { throw HeraldError.invalid("body_empty", "'body' must not be empty", field: "body") }
        let gsm = body.unicodeScalars.allSatisfy { $0.isASCII }
        let units = gsm ? body.unicodeScalars.count : body.utf16.count
        let (single, multi) = gsm ? (160, 153) : (70, 67)
        let parts = units <= single ? 1 : (units + multi - 1) / multi
        guard parts <= maximumParts else {
            throw HeraldError.invalid("body_too_long", "the body needs \(parts) parts; at most \(maximumParts) are allowed", field: "body")
        }
        let perPart = parts == 1 ? single : multi
        return TextAnalysis(encoding: gsm ? "gsm7" : "ucs2", parts: parts, unitsUsed: units, unitsLeftInPart: perPart * parts - units, unitsPerPart: perPart)
    }
}
