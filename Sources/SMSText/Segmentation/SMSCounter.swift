/// Tells a user, before sending, which encoding a text will use, how many parts it needs and how many units
/// are used and left in the current part — the counter shown under SMS console text boxes.
///
/// It applies exactly the same choice and segmentation as ``SMSEncoder`` with the same options, so the
/// preview always matches what is sent.
///
/// ```swift
/// let counter = SMSCounter(SMSEncoderOptions(profile: .standard))
/// let count = try counter.count("Привет! Ваш код 123456")
/// // .ucs2, 1 part, 22 of 70 UTF-16 units, 48 left
/// ```
public struct SMSCounter: Sendable {
    /// The options the count is made for.
    public var options: SMSEncoderOptions

    public init(_ options: SMSEncoderOptions = SMSEncoderOptions()) {
        self.options = options
    }

    /// Counts `text`. Throws only when no allowed encoding can represent it or the options are invalid;
    /// a text over the part limit is reported with ``MessageCount/exceedsMaxParts``.
    public func count(_ text: String) throws(SMSTextError) -> MessageCount {
        try SMSEncoder(options).count(text)
    }
}
