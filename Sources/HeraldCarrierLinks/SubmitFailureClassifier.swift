import HeraldCore
import SMPP

/// Maps what went wrong with a submit_sm to what the dispatcher should do (see docs/routing.md).
///
/// | Cause | Disposition | Ambiguous |
/// | --- | --- | --- |
/// | ESME_RTHROTTLED, ESME_RMSGQFUL | retry later | no |
/// | ESME_RINVDSTADR | permanent (`rejected`) | no |
/// | our PDU cannot be encoded (invalid field) | permanent | no |
/// | any other error status (system error, submit failed, bad source/TON/NPI/ESM class, …) | try other link | no |
/// | not bound, connecting, shutting down | try other link | no |
/// | response timeout, connection lost after sending | try other link | yes (may duplicate) |
enum SubmitFailureClassifier {
    static func classify(_ error: SMPPError, acceptedParts: [SubmittedPart]) -> SubmitFailure {
        if let status = error.commandStatus, error.code == .rejected {
            let code = String(format: "smpp_%02x", status.rawValue)
            let detail = "the carrier answered \(status.name) (0x\(String(status.rawValue, radix: 16)))"
            if status.isThrottling {
                return SubmitFailure(disposition: .retryLater, code: status == .throttled ? "throttled" : "queue_full", detail: detail, acceptedParts: acceptedParts)
            }
            if status == .invalidDestinationAddress {
                return SubmitFailure(disposition: .permanent, code: "invalid_destination", detail: detail, acceptedParts: acceptedParts)
            }
            return SubmitFailure(disposition: .tryOtherLink, code: code, detail: detail, acceptedParts: acceptedParts)
        }
        switch error.code {
        case .invalidPDU:
            return SubmitFailure(disposition: .permanent, code: "invalid_pdu", detail: error.message, acceptedParts: acceptedParts)
        case .responseTimeout:
            return SubmitFailure(disposition: .tryOtherLink, code: "response_timeout", detail: error.message, acceptedParts: acceptedParts, ambiguous: true)
        case .connectionLost, .connectionClosed:
            return SubmitFailure(disposition: .tryOtherLink, code: "connection_lost", detail: error.message, acceptedParts: acceptedParts, ambiguous: true)
        default:
            return SubmitFailure(disposition: .tryOtherLink, code: "link_unavailable", detail: "\(error.code.rawValue): \(error.message)", acceptedParts: acceptedParts)
        }
    }
}

import Foundation
