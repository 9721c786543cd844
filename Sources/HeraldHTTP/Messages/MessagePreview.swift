import HeraldCore

/// `POST /v1/messages/preview`: how a body would be sent, like the counter of an SMS console.
public enum MessagePreview {
    /// `{"body": "…"}`.
    public struct Body: Sendable, Equatable, Decodable {
        public var body: String
        public static let shape = JSONShape.object(["body": .value])
    }

    /// `{"object": "message_preview", "encoding": "gsm7", "parts": 1, "characters": 5, "units_used": 5,
    /// "units_per_part": 160, "units_left_in_part": 155}`. Units are GSM septets (an escaped character such as
    /// `€` costs two) or UTF-16 code units for UCS-2; `units_left_in_part` is the console's "characters left".
    public struct Answer: Sendable, Equatable, Encodable {
        public var object = "message_preview"
        public var encoding: String
        public var parts: Int
        /// User-perceived characters (grapheme clusters) in the body.
        public var characters: Int
        public var unitsUsed: Int
        public var unitsPerPart: Int
        public var unitsLeftInPart: Int

        enum CodingKeys: String, CodingKey {
            case object, encoding, parts, characters
            case unitsUsed = "units_used"
            case unitsPerPart = "units_per_part"
            case unitsLeftInPart = "units_left_in_part"
        }

        public init(body: String, analysis: TextAnalysis) {
            encoding = analysis.encoding
            parts = analysis.parts
            characters = body.count
            unitsUsed = analysis.unitsUsed
            unitsPerPart = analysis.unitsPerPart
            unitsLeftInPart = analysis.unitsLeftInPart
        }
    }
}
