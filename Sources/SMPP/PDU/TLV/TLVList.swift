/// The optional parameters of a PDU, in wire order, with typed accessors for every standard TLV.
///
/// Setting an accessor replaces the first TLV with that tag (or appends one); setting `nil`
/// removes all TLVs with that tag. Unknown tags are kept in order and re-encoded unchanged.
///
/// ```swift
/// var sm = SubmitSM(source: .international("15550001"), destination: .international("15550002"))
/// sm.tlvs.messagePayload = Array("a long text".utf8)
/// sm.tlvs.append(TLV(tag: TLVTag(rawValue: 0x1400), value: .octets([1])))   // vendor TLV
/// receipt.tlvs.receiptedMessageID  // "0A1B2C"
/// ```
public struct TLVList: Hashable, Sendable, RandomAccessCollection, ExpressibleByArrayLiteral {
    public private(set) var elements: [TLV]

    public init() { elements = [] }
    public init(_ elements: [TLV]) { self.elements = elements }
    public init(arrayLiteral elements: TLV...) { self.elements = elements }

    public var startIndex: Int { elements.startIndex }
    public var endIndex: Int { elements.endIndex }
    public subscript(position: Int) -> TLV { elements[position] }

    /// The first TLV with `tag`.
    public subscript(tag: TLVTag) -> TLV? {
        elements.first { $0.tag == tag }
    }

    public mutating func append(_ tlv: TLV) {
        elements.append(tlv)
    }

    /// Replaces the first TLV with the same tag, or appends.
    public mutating func set(_ tlv: TLV) {
        if let index = elements.firstIndex(where: { $0.tag == tlv.tag }) {
            elements[index] = tlv
        } else {
            elements.append(tlv)
        }
    }

    /// Removes every TLV with `tag`.
    public mutating func remove(_ tag: TLVTag) {
        elements.removeAll { $0.tag == tag }
    }

    // MARK: Typed value helpers

    public func uint8(_ tag: TLVTag) -> UInt8? {
        if case .uint8(let v) = self[tag]?.value { return v }
        return nil
    }

    public func uint16(_ tag: TLVTag) -> UInt16? {
        switch self[tag]?.value {
        case .uint16(let v): return v
        case .uint8(let v): return UInt16(v)
        default: return nil
        }
    }

    public func uint32(_ tag: TLVTag) -> UInt32? {
        if case .uint32(let v) = self[tag]?.value { return v }
        return nil
    }

    /// The string value; raw octets (e.g. a C-string sent without NUL) are decoded too.
    public func string(_ tag: TLVTag) -> String? {
        switch self[tag]?.value {
        case .cString(let s):
            return s
        case .octets(let bytes):
            var bytes = bytes[...]
            while bytes.last == 0 { bytes = bytes.dropLast() }
            guard !bytes.contains(0) else { return nil }
            return SMPPString.decode(Array(bytes))
        default:
            return nil
        }
    }

    public func octets(_ tag: TLVTag) -> [UInt8]? {
        if case .octets(let v) = self[tag]?.value { return v }
        return nil
    }

    public func contains(_ tag: TLVTag) -> Bool { self[tag] != nil }

    mutating func setValue(_ tag: TLVTag, _ value: TLV.Value?) {
        if let value {
            set(TLV(tag: tag, value: value))
        } else {
            remove(tag)
        }
    }
}
