/// One entry of submit_multi_resp's `unsuccess_sme` list: a destination the SMSC could not accept.
public struct UnsuccessfulDelivery: Hashable, Sendable {
    public var destination: SMPPAddress
    /// The command_status describing why (e.g. ESME_RINVDSTADR).
    public var errorStatus: CommandStatus

    public init(destination: SMPPAddress, errorStatus: CommandStatus) {
        self.destination = destination
        self.errorStatus = errorStatus
    }
}
