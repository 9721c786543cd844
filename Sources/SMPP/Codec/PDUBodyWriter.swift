import NIOCore

/// Writes PDU body fields, enforcing the same limits the decoder enforces.
struct PDUBodyWriter {
    var buffer: ByteBuffer
    let options: SMPPCodecOptions

    /// Moves the buffer out, leaving an empty (non-allocating) one behind.
    mutating func takeBuffer() -> ByteBuffer {
        let taken = buffer
        buffer = ByteBuffer()
        return taken
    }

    mutating func writeUInt8(_ value: UInt8) {
        buffer.writeInteger(value)
    }

    mutating func writeUInt16(_ value: UInt16) {
        buffer.writeInteger(value, endianness: .big)
    }

    mutating func writeUInt32(_ value: UInt32) {
        buffer.writeInteger(value, endianness: .big)
    }

    /// Writes `value` and a NUL; fails if it does not fit `field.maxLength` (including the NUL).
    mutating func writeCString(_ value: String, _ field: SMPPField) throws(SMPPCodecError) {
        let utf8 = value.utf8
        if utf8.count < field.maxLength, utf8.allSatisfy({ $0 != 0 && $0 < 0x80 }) {
            buffer.writeString(value)
            buffer.writeInteger(UInt8(0))
            return
        }
        guard let octets = SMPPString.octets(value) else {
            throw SMPPCodecError(code: .unencodableString, status: field.status, field: field.name,
                                 message: "\(field.name) contains characters outside ISO-8859-1")
        }
        guard !octets.contains(0) else {
            throw SMPPCodecError(code: .invalidFieldValue, status: field.status, field: field.name,
                                 message: "\(field.name) contains a NUL character")
        }
        guard octets.count < field.maxLength else {
            throw SMPPCodecError(code: .stringTooLong, status: field.status, field: field.name,
                                 message: "\(field.name) is \(octets.count) octets; at most \(field.maxLength - 1) allowed")
        }
        buffer.writeBytes(octets)
        buffer.writeInteger(UInt8(0))
    }

    mutating func writeTime(_ value: String, _ field: SMPPField) throws(SMPPCodecError) {
        if options.strictTimeFormat, !SMPPTimeFormat.isValid(value) {
            throw SMPPCodecError(code: .invalidFieldValue, status: field.status, field: field.name,
                                 message: "\(field.name) must be empty or 16 characters YYMMDDhhmmsstnnp")
        }
        try writeCString(value, field)
    }

    mutating func writeShortMessage(_ message: [UInt8]) throws(SMPPCodecError) {
        guard message.count <= 254 else {
            throw SMPPCodecError(code: .invalidFieldValue, status: .invalidMessageLength, field: "short_message",
                                 message: "short_message is \(message.count) octets; at most 254 (use message_payload)")
        }
        buffer.writeInteger(UInt8(message.count))
        buffer.writeBytes(message)
    }

    mutating func writeTLVs(_ tlvs: TLVList) throws(SMPPCodecError) {
        for tlv in tlvs {
            try tlv.encode(into: &buffer)
        }
    }
}
