/// Turns a Unicode message body into SMPP-ready parts: `data_coding`, UDHI flag, `short_message` bytes
/// (UDH included), SAR values or a `message_payload`.
///
/// The encoding is chosen automatically: GSM 7-bit when every character fits (optionally with national
/// language shift tables), else IA5 / Latin-1 when the peer accepts them and they need fewer parts, else
/// UCS-2 (UTF-16BE, emoji kept as intact surrogate pairs). Parts never split a GSM escape sequence or a
/// surrogate pair, and keep user-perceived characters whole where possible.
///
/// ```swift
/// let encoder = SMSEncoder(SMSEncoderOptions(concatenation: .udh8, maxParts: 10))
/// let plan = try encoder.encode(longText, reference: nextReference())   // persist the reference
/// for part in plan.parts {
///     submit(dataCoding: part.dataCoding, esmClass: part.esmClassFlags, shortMessage: part.shortMessage)
/// }
/// ```
public struct SMSEncoder: Sendable {
    /// The options this encoder applies.
    public var options: SMSEncoderOptions

    public init(_ options: SMSEncoderOptions = SMSEncoderOptions()) {
        self.options = options
    }

    /// Encodes and segments `text`.
    ///
    /// - Parameters:
    ///   - text: The message body.
    ///   - reference: The concatenation reference for multipart messages (supplied by the caller so it can be
    ///     persisted). ``ConcatenationMethod/udh8`` uses its low 8 bits.
    /// - Throws: ``SMSTextError/unrepresentableCharacter(_:allowedEncodings:)`` when no allowed encoding fits,
    ///   ``SMSTextError/tooManyParts(required:maximum:)`` beyond ``SMSEncoderOptions/maxParts``, or
    ///   ``SMSTextError/invalidOptions(_:)``.
    public func encode(_ text: String, reference: UInt16 = 0) throws(SMSTextError) -> EncodedMessage {
        let selection = try EncodingSelection.select(text, options: options)
        let count = selection.count(characters: text.count, maxParts: options.maxParts)
        guard !count.exceedsMaxParts else { throw .tooManyParts(required: count.parts, maximum: options.maxParts) }
        guard let dataCoding = options.profile.dataCoding(for: selection.encoding) else {
            throw .invalidOptions("encoding \(selection.encoding.rawValue) has no data_coding for this peer")
        }
        let shiftElements = selection.encoding == .gsm7 ? selection.tables.informationElements : []
        let method = options.concatenation

        func part(
            sequence: Int, range: Range<Int>, elements: [InformationElement], sar: SARValues? = nil, payload: Bool = false
        ) -> MessagePart {
            let header = elements.isEmpty ? nil : UserDataHeader(elements: elements)
            let headerBytes = header?.encoded ?? []
            let userData = headerBytes + selection.userData(range, headerOctets: headerBytes.count)
            return MessagePart(
                sequence: sequence, dataCoding: dataCoding, hasUserDataHeader: header != nil,
                shortMessage: payload ? [] : userData, messagePayload: payload ? userData : nil, sar: sar,
                userDataHeader: header, unitCount: range.count)
        }

        let allUnits = 0..<selection.encoded.count
        let parts: [MessagePart]
        let usedMethod: ConcatenationMethod?
        var usedReference: UInt16?
        if method == .messagePayload, !selection.fitsSinglePart || options.alwaysUsesMessagePayload {
            parts = [part(sequence: 1, range: allUnits, elements: shiftElements, payload: true)]
            usedMethod = .messagePayload
        } else if selection.fitsSinglePart {
            parts = [part(sequence: 1, range: allUnits, elements: shiftElements)]
            usedMethod = nil
        } else {
            let total = selection.ranges.count
            let ref = method == .udh8 ? reference & 0xFF : reference
            usedReference = ref
            usedMethod = method
            parts = selection.ranges.enumerated().map { index, range in
                let sequence = index + 1
                switch method {
                case .udh8, .udh16:
                    let info = ConcatenationInfo(
                        reference: ref, total: total, sequence: sequence, referenceKind: method == .udh8 ? .udh8 : .udh16)
                    return part(sequence: sequence, range: range, elements: [.concatenation(info)] + shiftElements)
                case .sar, .messagePayload:
                    let sar = SARValues(
                        referenceNumber: ref, totalSegments: UInt8(truncatingIfNeeded: total),
                        segmentSequenceNumber: UInt8(truncatingIfNeeded: sequence))
                    return part(sequence: sequence, range: range, elements: shiftElements, sar: sar)
                }
            }
        }
        return EncodedMessage(
            encoding: selection.encoding, shiftTables: selection.tables, dataCoding: dataCoding,
            isPacked: selection.isPacked, concatenation: usedMethod, reference: usedReference, parts: parts, count: count)
    }

    /// Counts `text` without building PDUs (see ``SMSCounter``). Exceeding ``SMSEncoderOptions/maxParts`` is
    /// reported through ``MessageCount/exceedsMaxParts`` rather than thrown.
    public func count(_ text: String) throws(SMSTextError) -> MessageCount {
        try EncodingSelection.select(text, options: options).count(characters: text.count, maxParts: options.maxParts)
    }
}
