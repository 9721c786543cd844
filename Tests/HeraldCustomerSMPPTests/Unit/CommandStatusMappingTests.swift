import HeraldCore
import SMPP
import Testing
@testable import HeraldCustomerSMPP

/// Herald errors → SMPP command_status, as documented in docs/customer-smpp.md.
@Suite struct CommandStatusMappingTests {
    @Test(arguments: [
        ("invalid_destination", CommandStatus.invalidDestinationAddress),
        ("unsupported_destination_type", .invalidDestinationAddress),
        ("invalid_sender", .invalidSourceAddress),
        ("body_empty", .invalidMessageLength),
        ("body_too_long", .invalidMessageLength),
        ("body_not_encodable", .submitFailed),
        ("invalid_validity", .invalidExpiry),
        ("invalid_send_at", .invalidScheduledDeliveryTime),
    ])
    func invalidInputByCode(code: String, status: CommandStatus) {
        #expect(CommandStatusMapping.status(for: HeraldError.invalid(code, "x")) == status)
    }

    @Test func policyRefusals() {
        #expect(CommandStatusMapping.status(for: HeraldError.recipientOptedOut(keyword: "STOP", at: Timestamp(millisecondsSince1970: 0))).rawValue == 0x401)
        #expect(CommandStatusMapping.status(for: HeraldError(.policyBlocked, code: "country_not_permitted", "x")).rawValue == 0x402)
        #expect(CommandStatusMapping.status(for: HeraldError(.forbidden, code: "account_suspended", "x")).rawValue == 0x403)
        #expect(CommandStatusMapping.status(for: HeraldError(.policyBlocked, code: "fraud_prefix_blocked", "x")).rawValue == 0x400)
    }

    @Test func byCategory() {
        #expect(CommandStatusMapping.status(for: HeraldError(.rateLimited, code: "rate_limited", "x")) == .throttled)
        #expect(CommandStatusMapping.status(for: HeraldError(.unavailable, code: "storage_busy", "x")) == .messageQueueFull)
        #expect(CommandStatusMapping.status(for: HeraldError(.internal, code: "storage_failure", "x")) == .systemError)
        #expect(CommandStatusMapping.status(for: HeraldError.invalid("invalid_client_reference", "x")) == .submitFailed)
        #expect(CommandStatusMapping.status(for: HeraldError(.conflict, code: "whatever", "x")) == .submitFailed)
    }

    @Test func bindDenials() {
        #expect(CommandStatusMapping.status(for: SMPPBindDenial.unknownSystemID) == .invalidSystemID)
        #expect(CommandStatusMapping.status(for: SMPPBindDenial.invalidPassword) == .invalidPassword)
        for denial in [SMPPBindDenial.accountSuspended, .addressNotAllowed, .bindLimitReached, .tooManyAttempts, .unavailable] {
            #expect(CommandStatusMapping.status(for: denial) == .bindFailed)
        }
    }
}
