import HeraldCore
import HeraldTestSupport
import ServiceLifecycle

/// Runs the receipt processor and, on graceful shutdown, ends the carrier event stream as a real carrier
/// adapter does after draining (the processor itself stops when the stream ends).
struct CarrierEventsService: Service {
    let processor: ReceiptProcessor
    let gateway: FakeCarrierGateway

    func run() async throws {
        try await withGracefulShutdownHandler {
            try await processor.run()
        } onGracefulShutdown: {
            gateway.finish()
        }
    }
}
