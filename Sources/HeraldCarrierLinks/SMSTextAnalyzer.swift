import HeraldCore
import SMSText

/// The core's text port over the SMSText library: encoding, parts and characters left, as counted for the
/// default peer profile (GSM 7-bit or UCS-2, 8-bit reference UDH).
public struct SMSTextAnalyzer: MessageTextAnalyzer {
    private let counter: SMSCounter
    public let maximumParts: Int

    public init(maximumParts: Int = 10, concatenation: ConcatenationMethod = .udh8, profile: PeerTextProfile = .standard) {
        self.maximumParts = maximumParts
        self.counter = SMSCounter(SMSEncoderOptions(profile: profile, concatenation: concatenation, maxParts: maximumParts))
    }

    public func analyze(_ body: String) throws -> TextAnalysis {
        guard !body.isEmpty else { throw HeraldError.invalid("body_empty", "'body' must not be empty", field: "body") }
        do {
            let count = try counter.count(body)
            return TextAnalysis(
                encoding: count.encoding.rawValue, parts: count.parts, unitsUsed: count.units,
                unitsLeftInPart: count.unitsPerPart - count.unitsInLastPart, unitsPerPart: count.unitsPerPart)
        } catch {
            switch error {
            case .tooManyParts(let required, let maximum):
                throw HeraldError.invalid("body_too_long", "the body needs \(required) SMS parts; at most \(maximum) are allowed", field: "body")
            case .unrepresentableCharacter(let scalar, _):
                throw HeraldError.invalid("body_not_encodable", "the body contains a character that cannot be sent: U+\(String(scalar.value, radix: 16, uppercase: true))", field: "body")
            default:
                throw HeraldError.invalid("body_not_encodable", "the body cannot be encoded as SMS: \(error)", field: "body")
            }
        }
    }
}
