/// The fixed 16-octet header that starts every SMPP PDU (all fields big-endian).
public struct PDUHeader: Hashable, Sendable {
    /// The size of the header on the wire.
    public static let size = 16

    /// Length of the whole PDU including this header.
    public var commandLength: UInt32
    public var commandID: CommandID
    public var commandStatus: CommandStatus
    /// 0x00000001–0x7FFFFFFF; a response echoes its request's number.
    public var sequenceNumber: UInt32

    public init(commandLength: UInt32, commandID: CommandID, commandStatus: CommandStatus, sequenceNumber: UInt32) {
        self.commandLength = commandLength
        self.commandID = commandID
        self.commandStatus = commandStatus
        self.sequenceNumber = sequenceNumber
    }
}
