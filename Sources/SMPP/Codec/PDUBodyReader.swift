import NIOCore

/// Reads the mandatory and optional fields of one PDU body, enforcing limits.
///
/// Every failure is an ``SMPPCodecError`` carrying the status to answer with; nothing traps and no
/// allocation exceeds the (already bounded) body size.
struct PDUBodyReader {
    var buffer: ByteBuffer
    let options: SMPPCodecOptions
    let header: PDUHeader?

    init(buffer: ByteBuffer, options: SMPPCodecOptions, header: PDUHeader?) {
        self.buffer = buffer
        self.options = options
        self.header = header
    }

    var isAtEnd: Bool { buffer.readableBytes == 0 }
    var remaining: Int { buffer.readableBytes }

    func error(_ code: SMPPCodecError.Code, _ status: CommandStatus, field: String?, _ message: String) -> SMPPCodecError {
        SMPPCodecError(code: code, status: status, field: field, header: header, message: message)
    }

    func truncated(_ field: String) -> SMPPCodecError {
        error(.truncatedBody, .invalidCommandLength, field: field, "PDU body ends before field \(field)")
    }

    mutating func readUInt8(_ field: String) throws(SMPPCodecError) -> UInt8 {
        guard let value = buffer.readInteger(as: UInt8.self) else { throw truncated(field) }
        return value
    }

    mutating func readUInt16(_ field: String) throws(SMPPCodecError) -> UInt16 {
        guard let value = buffer.readInteger(endianness: .big, as: UInt16.self) else { throw truncated(field) }
        return value
    }

    mutating func readUInt32(_ field: String) throws(SMPPCodecError) -> UInt32 {
        guard let value = buffer.readInteger(endianness: .big, as: UInt32.self) else { throw truncated(field) }
        return value
    }

    /// Reads a NUL-terminated string of at most `field.maxLength` octets including the NUL.
    ///
    /// With `unterminatedAtEnd`, a string that runs to the end of the body without NUL is accepted
    /// (some SMSCs omit the final NUL of a response's message_id).
    mutating func readCString(_ field: SMPPField, unterminatedAtEnd: Bool = false) throws(SMPPCodecError) -> String {
        let limit = min(field.maxLength, buffer.readableBytes)
        let nulOffset: Int? = buffer.withUnsafeReadableBytes { bytes in
            for index in 0..<limit where bytes[index] == 0 {
                return index
            }
            return nil
        }
        if let nulOffset {
            let value = buffer.withUnsafeReadableBytes { bytes in
                SMPPString.decode(UnsafeRawBufferPointer(rebasing: bytes[0..<nulOffset]))
            }
            buffer.moveReaderIndex(forwardBy: nulOffset + 1)
            return value
        }
        if buffer.readableBytes < field.maxLength {
            if unterminatedAtEnd {
                let value = buffer.withUnsafeReadableBytes { SMPPString.decode($0) }
                buffer.moveReaderIndex(to: buffer.writerIndex)
                return value
            }
            throw error(.truncatedBody, .invalidCommandLength, field: field.name,
                        "\(field.name) has no terminating NUL before the end of the PDU")
        }
        throw error(.stringTooLong, field.status, field: field.name,
                    "\(field.name) exceeds \(field.maxLength) octets including NUL")
    }

    /// Reads an SMPP time field: empty, or 16 characters `YYMMDDhhmmsstnnp` (when strict).
    mutating func readTime(_ field: SMPPField) throws(SMPPCodecError) -> String {
        let value = try readCString(field)
        if options.strictTimeFormat, !SMPPTimeFormat.isValid(value) {
            throw error(.invalidFieldValue, field.status, field: field.name,
                        "\(field.name) must be empty or 16 characters YYMMDDhhmmsstnnp")
        }
        return value
    }

    mutating func readOctets(count: Int, field: String) throws(SMPPCodecError) -> [UInt8] {
        guard let bytes = buffer.readBytes(length: count) else { throw truncated(field) }
        return bytes
    }

    /// Reads `sm_length` and the `short_message` that follows it.
    mutating func readShortMessage() throws(SMPPCodecError) -> [UInt8] {
        let length = Int(try readUInt8("sm_length"))
        if length > 254 {
            throw error(.invalidFieldValue, .invalidMessageLength, field: "sm_length",
                        "sm_length \(length) exceeds 254")
        }
        return try readOctets(count: length, field: "short_message")
    }

    /// Reads the optional part: TLVs until the end of the body.
    mutating func readTLVs() throws(SMPPCodecError) -> TLVList {
        var list = TLVList()
        while buffer.readableBytes > 0 {
            guard buffer.readableBytes >= 4,
                  let tagValue = buffer.readInteger(endianness: .big, as: UInt16.self),
                  let length = buffer.readInteger(endianness: .big, as: UInt16.self)
            else {
                throw error(.invalidTLVStream, .invalidOptionalParameterStream, field: nil,
                            "\(buffer.readableBytes) trailing octets do not form a TLV header")
            }
            guard let value = buffer.readSlice(length: Int(length)) else {
                throw error(.invalidTLVStream, .invalidOptionalParameterStream, field: nil,
                            "TLV 0x\(String(tagValue, radix: 16)) length \(length) runs past the end of the PDU")
            }
            let tag = TLVTag(rawValue: tagValue)
            let tlv = TLV.decode(tag: tag, value: value)
            if options.tlvValidation == .strict, tlv.isMalformedStandard {
                throw error(.invalidTLVValue, .invalidParameterLength, field: tag.description,
                            "TLV \(tag) has invalid length \(length)")
            }
            list.append(tlv)
        }
        return list
    }

    /// Fails if octets remain (for PDUs without an optional part).
    func expectEnd(_ pdu: String) throws(SMPPCodecError) {
        if buffer.readableBytes > 0 {
            throw error(.unexpectedTrailingBytes, .invalidCommandLength, field: nil,
                        "\(buffer.readableBytes) unexpected octets after the body of \(pdu)")
        }
    }
}
