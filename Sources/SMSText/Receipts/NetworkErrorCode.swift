/// The `network_error_code` TLV (0x0423): a network type and that network's error code.
public struct NetworkErrorCode: Sendable, Hashable, Codable {
    /// 1 ANSI-136 access denied, 2 IS-95 access denied, 3 GSM, 4 ANSI-136 cause, 5 IS-95 cause,
    /// 6 ANSI-41 error, 7 SMPP error, 8 message center specific.
    public let networkType: UInt8
    /// The error code within that network.
    public let errorCode: UInt16

    public init(networkType: UInt8, errorCode: UInt16) {
        self.networkType = networkType
        self.errorCode = errorCode
    }

    /// Reads the raw 3-octet TLV value; `nil` for any other length.
    public init?(tlvValue: some Collection<UInt8>) {
        let bytes = Array(tlvValue)
        guard bytes.count == 3 else { return nil }
        self.init(networkType: bytes[0], errorCode: UInt16(bytes[1]) << 8 | UInt16(bytes[2]))
    }

    /// The raw 3-octet TLV value.
    public var tlvValue: [UInt8] { [networkType, UInt8(truncatingIfNeeded: errorCode >> 8), UInt8(truncatingIfNeeded: errorCode)] }
}
