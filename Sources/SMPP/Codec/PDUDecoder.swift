import NIOCore

/// Decodes one complete PDU frame (header and body) into a ``PDU``.
///
/// Pure and allocation-bounded: the frame is at most ``SMPPCodecOptions/maxPDUSize`` octets
/// (the ``SMPPFrameDecoder`` guarantees that on a stream), and every field is length-checked.
///
/// Error responses (non-zero status) decode with or without a body. Malformed input throws an
/// ``SMPPCodecError`` whose `status` is what to answer and whose `header` (when readable) names
/// the PDU to answer.
///
/// ```swift
/// let decoder = PDUDecoder(options: .lenientCredentials)
/// let pdu = try decoder.decode(frame: frameBuffer)
/// ```
public struct PDUDecoder: Sendable {
    public var options: SMPPCodecOptions

    public init(options: SMPPCodecOptions = .default) {
        self.options = options
    }

    /// Reads and validates the 16-octet header at the start of `frame` without consuming it.
    public func peekHeader(_ frame: ByteBuffer) throws(SMPPCodecError) -> PDUHeader {
        guard frame.readableBytes >= PDUHeader.size,
              let length = frame.getInteger(at: frame.readerIndex, endianness: .big, as: UInt32.self),
              let id = frame.getInteger(at: frame.readerIndex + 4, endianness: .big, as: UInt32.self),
              let status = frame.getInteger(at: frame.readerIndex + 8, endianness: .big, as: UInt32.self),
              let sequence = frame.getInteger(at: frame.readerIndex + 12, endianness: .big, as: UInt32.self)
        else {
            throw SMPPCodecError(code: .invalidCommandLength, status: .invalidCommandLength,
                                 message: "frame of \(frame.readableBytes) octets is shorter than the 16-octet header")
        }
        return PDUHeader(commandLength: length, commandID: CommandID(rawValue: id),
                         commandStatus: CommandStatus(rawValue: status), sequenceNumber: sequence)
    }

    /// Decodes exactly one PDU occupying all readable bytes of `frame`.
    public func decode(frame: ByteBuffer) throws(SMPPCodecError) -> PDU {
        let header = try peekHeader(frame)
        guard Int(header.commandLength) == frame.readableBytes else {
            throw SMPPCodecError(code: .invalidCommandLength, status: .invalidCommandLength, header: header,
                                 message: "command_length \(header.commandLength) does not match the \(frame.readableBytes)-octet frame")
        }
        guard Int(header.commandLength) <= options.maxPDUSize else {
            throw SMPPCodecError(code: .invalidCommandLength, status: .invalidCommandLength, header: header,
                                 message: "command_length \(header.commandLength) exceeds the maximum \(options.maxPDUSize)")
        }
        let bodyBuffer = frame.getSlice(at: frame.readerIndex + PDUHeader.size, length: frame.readableBytes - PDUHeader.size) ?? ByteBuffer()
        var reader = PDUBodyReader(buffer: bodyBuffer, options: options, header: header)
        let body: PDU.Body
        if header.commandID.isResponse, !header.commandStatus.isOK {
            // Error responses may or may not carry a body; a broken one is replaced by an empty body.
            body = (try? Self.decodeBody(header.commandID, &reader))
                ?? PDU.Body.emptyResponse(to: CommandID(rawValue: header.commandID.rawValue & 0x7FFF_FFFF))
                ?? .genericNack
        } else {
            body = try Self.decodeBody(header.commandID, &reader)
        }
        return PDU(commandStatus: header.commandStatus, sequenceNumber: header.sequenceNumber, body: body)
    }

    static func decodeBody(_ id: CommandID, _ reader: inout PDUBodyReader) throws(SMPPCodecError) -> PDU.Body {
        switch id {
        case .bindTransmitter: return .bind(try BindRequest.decode(&reader, bindType: .transmitter))
        case .bindReceiver: return .bind(try BindRequest.decode(&reader, bindType: .receiver))
        case .bindTransceiver: return .bind(try BindRequest.decode(&reader, bindType: .transceiver))
        case .bindTransmitterResponse: return .bindResponse(try BindResponse.decode(&reader, bindType: .transmitter))
        case .bindReceiverResponse: return .bindResponse(try BindResponse.decode(&reader, bindType: .receiver))
        case .bindTransceiverResponse: return .bindResponse(try BindResponse.decode(&reader, bindType: .transceiver))
        case .outbind: return .outbind(try Outbind.decode(&reader))
        case .unbind:
            try reader.expectEnd("unbind")
            return .unbind
        case .unbindResponse: return .unbindResponse
        case .submitSM: return .submitSM(try SubmitSM.decode(&reader))
        case .submitSMResponse: return .submitSMResponse(try SubmitSMResponse.decode(&reader))
        case .submitMulti: return .submitMulti(try SubmitMulti.decode(&reader))
        case .submitMultiResponse: return .submitMultiResponse(try SubmitMultiResponse.decode(&reader))
        case .deliverSM: return .deliverSM(try DeliverSM.decode(&reader))
        case .deliverSMResponse: return .deliverSMResponse(try DeliverSMResponse.decode(&reader))
        case .dataSM: return .dataSM(try DataSM.decode(&reader))
        case .dataSMResponse: return .dataSMResponse(try DataSMResponse.decode(&reader))
        case .querySM: return .querySM(try QuerySM.decode(&reader))
        case .querySMResponse: return .querySMResponse(try QuerySMResponse.decode(&reader))
        case .cancelSM: return .cancelSM(try CancelSM.decode(&reader))
        case .cancelSMResponse: return .cancelSMResponse
        case .replaceSM: return .replaceSM(try ReplaceSM.decode(&reader))
        case .replaceSMResponse: return .replaceSMResponse
        case .enquireLink:
            try reader.expectEnd("enquire_link")
            return .enquireLink
        case .enquireLinkResponse: return .enquireLinkResponse
        case .alertNotification: return .alertNotification(try AlertNotification.decode(&reader))
        case .genericNack: return .genericNack
        default:
            throw reader.error(.unknownCommandID, .invalidCommandID, field: "command_id",
                               "unknown command_id 0x\(String(id.rawValue, radix: 16))")
        }
    }
}
