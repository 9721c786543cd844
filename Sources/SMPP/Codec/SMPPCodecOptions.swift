/// Limits and strictness settings shared by the decoder and the encoder.
///
/// Field maxima are octet counts **including** the terminating NUL, as in the SMPP 3.4 tables.
/// `system_id` and `password` maxima are configurable because real carriers use longer values.
///
/// ```swift
/// var options = SMPPCodecOptions()
/// options.maxPasswordLength = 33     // carrier uses 32-character passwords
/// options.maxPDUSize = 16 * 1024
/// ```
public struct SMPPCodecOptions: Hashable, Sendable {
    /// Largest accepted `command_length` (whole PDU including header). PDUs announcing more are
    /// rejected before any body is buffered. Default 65 536.
    public var maxPDUSize: Int
    /// Maximum `system_id` size including NUL (spec: 16).
    public var maxSystemIDLength: Int
    /// Maximum `password` size including NUL (spec: 9).
    public var maxPasswordLength: Int
    /// Maximum `system_type` size including NUL (spec: 13).
    public var maxSystemTypeLength: Int
    /// What to do with a standard TLV whose length does not match its definition.
    public var tlvValidation: TLVValidation
    /// When true, time fields must be empty or exactly 16 characters (`YYMMDDhhmmsstnnp`).
    public var strictTimeFormat: Bool

    /// How standard TLVs with a malformed value are treated.
    public enum TLVValidation: Hashable, Sendable {
        /// Keep the TLV as raw octets (its typed accessor returns nil). Robust against carrier quirks.
        case lenient
        /// Reject the PDU with ESME_RINVPARLEN.
        case strict
    }

    public init(
        maxPDUSize: Int = 65_536,
        maxSystemIDLength: Int = 16,
        maxPasswordLength: Int = 9,
        maxSystemTypeLength: Int = 13,
        tlvValidation: TLVValidation = .lenient,
        strictTimeFormat: Bool = true
    ) {
        self.maxPDUSize = max(PDUHeader.size, maxPDUSize)
        self.maxSystemIDLength = max(1, maxSystemIDLength)
        self.maxPasswordLength = max(1, maxPasswordLength)
        self.maxSystemTypeLength = max(1, maxSystemTypeLength)
        self.tlvValidation = tlvValidation
        self.strictTimeFormat = strictTimeFormat
    }

    /// Spec maxima everywhere.
    public static let `default` = SMPPCodecOptions()

    /// Accepts the longer credentials seen in the field (system_id and password up to 64 characters).
    public static let lenientCredentials = SMPPCodecOptions(maxSystemIDLength: 65, maxPasswordLength: 65)
}
