/// A PDU could not be decoded or encoded.
///
/// `status` is the `command_status` to answer the peer with (for example `ESME_RINVSRCADR` for an
/// over-long source address); `header` is set when the header was readable, so the response can
/// echo the sequence number.
public struct SMPPCodecError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Stable machine-readable error kinds.
    public enum Code: String, Hashable, Sendable {
        /// command_length below 16 or above the configured maximum.
        case invalidCommandLength = "invalid_command_length"
        /// command_id not defined by SMPP 3.4.
        case unknownCommandID = "unknown_command_id"
        /// The body ended before all mandatory fields were read.
        case truncatedBody = "truncated_body"
        /// Octets left over in a PDU that has no optional part.
        case unexpectedTrailingBytes = "unexpected_trailing_bytes"
        /// A C-octet string had no NUL within its maximum length.
        case stringTooLong = "string_too_long"
        /// A field value is out of range (e.g. sm_length > 254, bad dest_flag, bad time format).
        case invalidFieldValue = "invalid_field_value"
        /// The optional-parameter part is malformed (a TLV runs past the end of the PDU).
        case invalidTLVStream = "invalid_tlv_stream"
        /// A standard TLV value has the wrong length (strict TLV validation only) or wrong type.
        case invalidTLVValue = "invalid_tlv_value"
        /// A value to encode cannot be represented (non-Latin-1 character in a C-octet string).
        case unencodableString = "unencodable_string"
    }

    public var code: Code
    /// The status to put in the response (or generic_nack) to the offending PDU.
    public var status: CommandStatus
    /// The SMPP field involved, if any (e.g. `source_addr`).
    public var field: String?
    /// The header of the offending PDU, when it could be read.
    public var header: PDUHeader?
    /// Human-readable explanation.
    public var message: String

    public init(code: Code, status: CommandStatus, field: String? = nil, header: PDUHeader? = nil, message: String) {
        self.code = code
        self.status = status
        self.field = field
        self.header = header
        self.message = message
    }

    public var description: String {
        var text = "SMPP codec error [\(code.rawValue)] \(message)"
        if let field { text += " (field \(field))" }
        text += " → \(status.name)"
        return text
    }
}
