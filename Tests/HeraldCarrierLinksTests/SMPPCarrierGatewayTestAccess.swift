@testable import HeraldCarrierLinks
import HeraldCore

/// Reaches internal helpers of the adapter from tests.
enum SMPPCarrierGatewayTestAccess {
    static func absoluteTime(_ time: Timestamp) -> String { SMPPCarrierGateway.absoluteTime(time) }
}
