/// The value of the `network_error_code` TLV: a network type (1 ANSI-136, 2 IS-95, 3 GSM, ...) and a code.
public struct NetworkErrorCode: Hashable, Sendable {
    public var networkType: UInt8
    public var errorCode: UInt16

    public init(networkType: UInt8, errorCode: UInt16) {
        self.networkType = networkType
        self.errorCode = errorCode
    }
}
