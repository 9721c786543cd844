/// Writes delivery receipt texts in the SMPP 3.4 appendix B format, for a simulator or a test peer.
///
/// ```swift
/// let formatter = DeliveryReceiptFormatter(idStyle: .decimalFromHex)
/// formatter.format(id: "1A2B", state: .delivered, error: 0, submitDate: submitted, doneDate: done, text: "Your code")
/// // "id:6699 sub:001 dlvrd:001 submit date:2401021530 done date:2401021531 stat:DELIVRD err:000 text:Your code"
/// ```
public struct DeliveryReceiptFormatter: Sendable, Hashable {
    /// Whether dates carry seconds (`YYMMDDhhmmss`) instead of the standard `YYMMDDhhmm`.
    public var includesSeconds: Bool
    /// How the id is written.
    public var idStyle: MessageIDStyle
    /// How many characters of the message text are included (20 in appendix B).
    public var textLength: Int

    public init(includesSeconds: Bool = false, idStyle: MessageIDStyle = .verbatim, textLength: Int = 20) {
        self.includesSeconds = includesSeconds
        self.idStyle = idStyle
        self.textLength = max(0, textLength)
    }

    /// The receipt text.
    ///
    /// - Parameters:
    ///   - error: The `err:` value, written with at least 3 digits.
    ///   - submitted: `sub:` (default 1).
    ///   - delivered: `dlvrd:`; defaults to `submitted` when `state` is delivered, else 0.
    public func format(
        id: String, state: DeliveryState, error: Int = 0, submitDate: ReceiptTimestamp, doneDate: ReceiptTimestamp,
        text: String = "", submitted: Int = 1, delivered: Int? = nil
    ) -> String {
        let dlvrd = delivered ?? (state == .delivered ? submitted : 0)
        return "id:\(idStyle.render(id)) sub:\(three(submitted)) dlvrd:\(three(dlvrd))"
            + " submit date:\(submitDate.formatted(includesSeconds: includesSeconds))"
            + " done date:\(doneDate.formatted(includesSeconds: includesSeconds))"
            + " stat:\(state.statusText) err:\(three(error)) text:\(String(text.prefix(textLength)))"
    }

    private func three(_ value: Int) -> String {
        value < 0 ? String(value) : String(value).leftPadded(to: 3)
    }
}
