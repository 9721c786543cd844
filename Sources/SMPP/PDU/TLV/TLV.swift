import NIOCore

/// One SMPP optional parameter: a tag and a typed value.
///
/// Standard tags decode into their typed value (`.uint8`, `.cString`, ...); unknown tags, and
/// standard tags whose value does not match the definition (lenient mode), keep their raw
/// octets in `.octets` and re-encode unchanged.
///
/// ```swift
/// let tlv = TLV(tag: .sarMsgRefNum, value: .uint16(42))
/// let vendor = TLV(tag: TLVTag(rawValue: 0x1401), value: .octets([0x01, 0x02]))
/// ```
public struct TLV: Hashable, Sendable {
    public var tag: TLVTag
    public var value: Value

    /// A TLV value.
    public enum Value: Hashable, Sendable {
        case empty
        case uint8(UInt8)
        case uint16(UInt16)
        case uint32(UInt32)
        /// A C-octet string; encoded with a terminating NUL.
        case cString(String)
        /// Raw octets, written as-is.
        case octets([UInt8])
        case networkErrorCode(NetworkErrorCode)
    }

    public init(tag: TLVTag, value: Value) {
        self.tag = tag
        self.value = value
    }

    /// Whether this is a standard tag whose value does not match its definition.
    public var isMalformedStandard: Bool {
        guard let format = tag.format else { return false }
        switch (format, value) {
        case (.octets(let minLength, let maxLength), .octets(let bytes)):
            return bytes.count < minLength || bytes.count > maxLength
        case (.octets, _), (.empty, .empty), (.uint8, .uint8), (.uint16, .uint16), (.uint32, .uint32),
             (.uint8OrUInt16, .uint8), (.uint8OrUInt16, .uint16), (.cString, .cString),
             (.networkErrorCode, .networkErrorCode):
            return false
        default:
            return true
        }
    }

    /// Decodes a value according to the tag's standard format, falling back to raw octets.
    static func decode(tag: TLVTag, value buffer: ByteBuffer) -> TLV {
        let length = buffer.readableBytes
        var buffer = buffer
        func raw() -> TLV {
            TLV(tag: tag, value: .octets(buffer.readBytes(length: buffer.readableBytes) ?? []))
        }
        guard let format = tag.format else { return raw() }
        switch format {
        case .empty:
            return length == 0 ? TLV(tag: tag, value: .empty) : raw()
        case .uint8:
            guard length == 1, let v = buffer.getInteger(at: buffer.readerIndex, as: UInt8.self) else { return raw() }
            return TLV(tag: tag, value: .uint8(v))
        case .uint16:
            guard length == 2, let v = buffer.getInteger(at: buffer.readerIndex, endianness: .big, as: UInt16.self) else { return raw() }
            return TLV(tag: tag, value: .uint16(v))
        case .uint32:
            guard length == 4, let v = buffer.getInteger(at: buffer.readerIndex, endianness: .big, as: UInt32.self) else { return raw() }
            return TLV(tag: tag, value: .uint32(v))
        case .uint8OrUInt16:
            if length == 1, let v = buffer.getInteger(at: buffer.readerIndex, as: UInt8.self) {
                return TLV(tag: tag, value: .uint8(v))
            }
            if length == 2, let v = buffer.getInteger(at: buffer.readerIndex, endianness: .big, as: UInt16.self) {
                return TLV(tag: tag, value: .uint16(v))
            }
            return raw()
        case .cString(let maxLength):
            // Exactly one NUL, at the end. A missing NUL is tolerated (kept as raw otherwise).
            let string: String? = buffer.withUnsafeReadableBytes { bytes in
                guard bytes.count <= maxLength else { return nil }
                if let nul = bytes.firstIndex(of: 0) {
                    guard nul == bytes.count - 1 else { return nil }
                    return SMPPString.decode(UnsafeRawBufferPointer(rebasing: bytes[0..<nul]))
                }
                return nil
            }
            if let string { return TLV(tag: tag, value: .cString(string)) }
            return raw()
        case .octets:
            return raw()
        case .networkErrorCode:
            guard length == 3,
                  let type = buffer.getInteger(at: buffer.readerIndex, as: UInt8.self),
                  let code = buffer.getInteger(at: buffer.readerIndex + 1, endianness: .big, as: UInt16.self)
            else { return raw() }
            return TLV(tag: tag, value: .networkErrorCode(NetworkErrorCode(networkType: type, errorCode: code)))
        }
    }

    /// Writes tag, length and value. Typed values must match a standard tag's format; raw octets
    /// are always written as-is.
    func encode(into buffer: inout ByteBuffer) throws(SMPPCodecError) {
        if tag.format != nil, isMalformedStandard, !isRawOctets {
            throw SMPPCodecError(code: .invalidTLVValue, status: .invalidOptionalParameterValue, field: tag.description,
                                 message: "value \(value) does not match the definition of TLV \(tag)")
        }
        buffer.writeInteger(tag.rawValue, endianness: .big)
        let lengthIndex = buffer.writerIndex
        buffer.writeInteger(UInt16(0), endianness: .big)
        let start = buffer.writerIndex
        switch value {
        case .empty:
            break
        case .uint8(let v):
            buffer.writeInteger(v)
        case .uint16(let v):
            buffer.writeInteger(v, endianness: .big)
        case .uint32(let v):
            buffer.writeInteger(v, endianness: .big)
        case .cString(let string):
            guard let octets = SMPPString.octets(string), !octets.contains(0) else {
                throw SMPPCodecError(code: .unencodableString, status: .invalidOptionalParameterValue,
                                     field: tag.description, message: "TLV \(tag) string is not encodable as ISO-8859-1")
            }
            if case .cString(let maxLength) = tag.format, octets.count + 1 > maxLength {
                throw SMPPCodecError(code: .stringTooLong, status: .invalidParameterLength, field: tag.description,
                                     message: "TLV \(tag) exceeds \(maxLength) octets including NUL")
            }
            buffer.writeBytes(octets)
            buffer.writeInteger(UInt8(0))
        case .octets(let bytes):
            buffer.writeBytes(bytes)
        case .networkErrorCode(let code):
            buffer.writeInteger(code.networkType)
            buffer.writeInteger(code.errorCode, endianness: .big)
        }
        let length = buffer.writerIndex - start
        guard length <= Int(UInt16.max) else {
            buffer.moveWriterIndex(to: lengthIndex - 2)
            throw SMPPCodecError(code: .invalidTLVValue, status: .invalidParameterLength, field: tag.description,
                                 message: "TLV \(tag) value of \(length) octets exceeds 65535")
        }
        buffer.setInteger(UInt16(length), at: lengthIndex, endianness: .big)
    }

    private var isRawOctets: Bool {
        if case .octets = value { return true }
        return false
    }
}
