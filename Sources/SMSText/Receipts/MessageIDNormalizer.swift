/// Turns a message id into canonical lookup keys so that a receipt always finds its message, whatever form
/// the carrier used in `submit_sm_resp`, in the receipt text and in `receipted_message_id`.
///
/// Store every key of the id returned in `submit_sm_resp`; look a receipt up by any key of its ids
/// (``DeliveryReceipt/candidateKeys(using:)``). Rules, applied after trimming whitespace and NULs:
///
/// 1. Text key `t:<id lowercased>` — exact ids match whatever their letter case.
/// 2. If the id is all hex digits (optionally `0x`-prefixed), number key `n:<lowercase hex without leading
///    zeros>` — so `1A2B`, `1a2b`, `00001a2b` and `0x1A2B` agree.
/// 3. If the id is all decimal digits, number key `n:<its value in hex>` — so decimal `6699` meets hex `1A2B`.
///    (An all-digit id therefore gets two number keys: one reading it as hex, one as decimal.)
///
/// Example: `submit_sm_resp` gave `1A2B` → `t:1a2b`, `n:1a2b`; the receipt text says `6699` → `t:6699`,
/// `n:6699`, `n:1a2b`; the TLV says `00001a2b` → `t:00001a2b`, `n:1a2b`. All meet at `n:1a2b`.
///
/// Reading digits both ways can make two different ids of one peer collide (hex `6699` and decimal `26265`);
/// when a peer's style is known, restrict ``interpretations`` for it. Values are converted at any length, so
/// ids beyond 64 bits work.
public struct MessageIDNormalizer: Sendable, Hashable {
    /// Which numeric readings of an id produce number keys.
    public struct Interpretations: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        /// Read ids made of hex digits as hexadecimal numbers.
        public static let hexadecimal = Interpretations(rawValue: 1)
        /// Read ids made of decimal digits as decimal numbers.
        public static let decimal = Interpretations(rawValue: 2)
        /// Both readings (the default).
        public static let all: Interpretations = [.hexadecimal, .decimal]
    }

    /// The numeric readings in use.
    public var interpretations: Interpretations

    public init(interpretations: Interpretations = .all) {
        self.interpretations = interpretations
    }

    /// The canonical keys of `id`, strongest first, without duplicates (empty for an empty id).
    public func canonicalKeys(for id: String) -> [String] {
        let trimmed = id.trimmingReceiptWhitespace()
        guard !trimmed.isEmpty else { return [] }
        var keys = ["t:" + trimmed.lowercased()]
        if interpretations.contains(.hexadecimal) {
            let lowered = trimmed.lowercased()
            let body = lowered.hasPrefix("0x") ? Substring(lowered.dropFirst(2)) : Substring(lowered)
            if let hex = BaseConversion.canonicalHex(body) { keys.append("n:" + hex) }
        }
        if interpretations.contains(.decimal), let hex = BaseConversion.hex(fromDecimal: trimmed) {
            keys.append("n:" + hex)
        }
        var seen = Set<String>()
        return keys.filter { seen.insert($0).inserted }
    }

    /// Whether two ids share a canonical key.
    public func matches(_ first: String, _ second: String) -> Bool {
        let keys = Set(canonicalKeys(for: first))
        return canonicalKeys(for: second).contains { keys.contains($0) }
    }
}
