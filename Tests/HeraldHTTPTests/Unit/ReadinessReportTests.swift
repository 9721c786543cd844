import HeraldCore
import HeraldHTTP
import Testing

@Suite struct ReadinessReportTests {
    let up = LinkStatus(isUp: true, bindsUp: 2, bindsConfigured: 2, errorRate: 0.1, latencyMilliseconds: 3)
    let down = LinkStatus(isUp: false, bindsUp: 0, bindsConfigured: 2)

    @Test func oneSendingLinkUpIsEnoughAndEveryLinkIsListed() {
        let report = ReadinessReport.standard(storeReachable: true, carrierLinks: ["b": down, "a": up])
        #expect(report.isReady)
        #expect(report.links.map(\.id) == ["a", "b"])
        #expect(report.links[0].status == up)
        #expect(report.checks.first { $0.name == "carrier_links" }?.detail == "1 of 2 sending links up")
    }

    @Test func aReceiverOnlyLinkDoesNotMakeANodeReady() {
        let report = ReadinessReport.standard(storeReachable: true, carrierLinks: ["tx": down, "rx": up], transmitting: ["tx"])
        #expect(!report.isReady)
        #expect(report.links.first { $0.id == "rx" }?.transmits == false)
        #expect(report.links.first { $0.id == "tx" }?.transmits == true)
        #expect(report.checks.first { $0.name == "carrier_links" }?.detail == "0 of 1 sending links up")
    }

    @Test func anUnreachableStoreFails() {
        let report = ReadinessReport.standard(storeReachable: false, carrierLinks: ["a": up])
        #expect(!report.isReady)
        #expect(report.checks.first { $0.name == "store" }?.isPassing == false)
    }
}
