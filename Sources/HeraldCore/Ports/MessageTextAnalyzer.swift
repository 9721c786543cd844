/// Port: tells the core how a body will be encoded and into how many SMS parts, before sending.
///
/// Implemented by an adapter over the `SMSText` library; the core never encodes text itself.
public protocol MessageTextAnalyzer: Sendable {
    /// Throws `HeraldError` (`body_too_long`, `body_empty`, …) when the body cannot be sent.
    func analyze(_ body: String) throws -> TextAnalysis
}

/// The result of ``MessageTextAnalyzer/analyze(_:)``, also returned by the preview endpoint.
public struct TextAnalysis: Sendable, Equatable, Codable {
    /// `gsm7` or `ucs2` (or `latin1` where a peer profile allows it).
    public var encoding: String
    public var parts: Int
    /// Units (septets or UTF-16 code units) the body uses in total.
    public var unitsUsed: Int
    /// Units still free in the last part before another part is needed.
    public var unitsLeftInPart: Int
    /// The per-part capacity at the current part count (160/153, 70/67, …).
    public var unitsPerPart: Int

    public init(encoding: String, parts: Int, unitsUsed: Int, unitsLeftInPart: Int, unitsPerPart: Int) {
        self.encoding = encoding
        self.parts = parts
        self.unitsUsed = unitsUsed
        self.unitsLeftInPart = unitsLeftInPart
        self.unitsPerPart = unitsPerPart
    }
}
