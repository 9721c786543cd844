/// A user data header (3GPP TS 23.040 9.2.3.24): the information elements that precede the text when the
/// `esm_class` UDHI bit (0x40) is set.
///
/// ```swift
/// let (header, length) = try UserDataHeader.parse(shortMessage)  // length includes the UDHL octet
/// header.concatenation   // ConcatenationInfo(reference: 0xCC, total: 2, sequence: 1, referenceKind: .udh8)
/// header.encoded         // 05 00 03 CC 02 01
/// ```
public struct UserDataHeader: Sendable, Hashable, Codable {
    /// The elements in wire order; unknown ones are kept untouched.
    public var elements: [InformationElement]

    public init(elements: [InformationElement]) {
        self.elements = elements
    }

    /// The header octets: UDHL (the length of what follows) then the elements.
    public var encoded: [UInt8] {
        let body = elements.flatMap(\.encoded)
        return [UInt8(truncatingIfNeeded: body.count)] + body
    }

    /// The number of octets ``encoded`` produces, UDHL included.
    public var encodedLength: Int { 1 + elements.reduce(0) { $0 + 2 + $1.data.count } }

    /// Parses the header at the start of `userData`; returns it and its length in octets (UDHL included).
    ///
    /// Throws ``SMSTextError/malformedUserDataHeader(_:)`` when the header or an element runs past the end.
    public static func parse(_ userData: some Collection<UInt8>) throws(SMSTextError) -> (header: UserDataHeader, length: Int) {
        let bytes = Array(userData)
        guard let udhl = bytes.first else { throw .malformedUserDataHeader("UDHI is set but short_message is empty") }
        let end = 1 + Int(udhl)
        guard end <= bytes.count else {
            throw .malformedUserDataHeader("UDHL \(udhl) exceeds the \(bytes.count - 1) octets that follow it")
        }
        var elements: [InformationElement] = []
        var index = 1
        while index < end {
            guard index + 1 < end else {
                throw .malformedUserDataHeader("information element at offset \(index) has no length octet")
            }
            let identifier = bytes[index]
            let length = Int(bytes[index + 1])
            let dataStart = index + 2
            guard dataStart + length <= end else {
                throw .malformedUserDataHeader(
                    "information element 0x\(String(identifier, radix: 16)) of length \(length) overruns the header")
            }
            elements.append(InformationElement(identifier: identifier, data: Array(bytes[dataStart..<dataStart + length])))
            index = dataStart + length
        }
        return (UserDataHeader(elements: elements), end)
    }

    /// The concatenation position from IE 0x00 or 0x08 (the first valid one), or `nil`.
    public var concatenation: ConcatenationInfo? {
        for element in elements {
            if element.identifier == InformationElement.concatenated8Bit, element.data.count == 3 {
                let info = ConcatenationInfo(
                    reference: UInt16(element.data[0]), total: Int(element.data[1]), sequence: Int(element.data[2]),
                    referenceKind: .udh8)
                if info.isValid { return info }
            } else if element.identifier == InformationElement.concatenated16Bit, element.data.count == 4 {
                let info = ConcatenationInfo(
                    reference: UInt16(element.data[0]) << 8 | UInt16(element.data[1]), total: Int(element.data[2]),
                    sequence: Int(element.data[3]), referenceKind: .udh16)
                if info.isValid { return info }
            }
        }
        return nil
    }

    /// The national language tables announced by IE 0x25 / 0x24. Languages this library does not know fall
    /// back to the default tables (the element is still kept in ``elements``).
    public var shiftTables: GSMShiftTables {
        var locking: GSMNationalLanguage?
        var single: GSMNationalLanguage?
        for element in elements where element.data.count == 1 {
            if element.identifier == InformationElement.lockingShift {
                locking = GSMNationalLanguage(rawValue: element.data[0])
            } else if element.identifier == InformationElement.singleShift {
                single = GSMNationalLanguage(rawValue: element.data[0])
            }
        }
        return GSMShiftTables(locking: locking, single: single)
    }

    /// The elements other than concatenation and national language shifts (for example port addressing,
    /// special SMS indication, or vendor elements).
    public var otherElements: [InformationElement] {
        let handled: Set<UInt8> = [
            InformationElement.concatenated8Bit, InformationElement.concatenated16Bit,
            InformationElement.singleShift, InformationElement.lockingShift,
        ]
        return elements.filter { !handled.contains($0.identifier) }
    }
}
