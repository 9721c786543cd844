import SMPP

/// A submission the listener refuses before it reaches Herald's message service (an SMPP field Herald
/// cannot use), with the `command_status` to answer.
struct CustomerSMPPError: Error, Equatable, CustomStringConvertible {
    let status: CommandStatus
    let reason: String

    init(_ status: CommandStatus, _ reason: String) {
        self.status = status
        self.reason = reason
    }

    var description: String { "\(status): \(reason)" }
}
