@testable import HeraldCore
import Testing

@Suite struct SlidingWindowTests {
    let start = Timestamp(millisecondsSince1970: 1_767_225_600_000)

    @Test func sendsLeaveTheWindowBucketByBucket() {
        var window = SlidingWindow(window: .seconds(300), bucket: .seconds(60), tracksNumbers: true)
        window.recordSend(suffix: 1, at: start)
        window.recordSend(suffix: 2, at: start.adding(seconds: 61))
        window.recordSend(suffix: 1, at: start.adding(seconds: 122))
        #expect(window.totals == .init(sends: 3, approvals: 0, distinctNumbers: 2))
        window.recordApproval(sentAt: start.adding(seconds: 61), at: start.adding(seconds: 150))
        #expect(window.totals.approvals == 1)
        window.advance(to: start.adding(seconds: 300))
        #expect(window.totals == .init(sends: 2, approvals: 1, distinctNumbers: 2))
        window.advance(to: start.adding(seconds: 360))
        #expect(window.totals == .init(sends: 1, approvals: 0, distinctNumbers: 1))
        // An approval for a send that already left the window is ignored.
        window.recordApproval(sentAt: start, at: start.adding(seconds: 360))
        #expect(window.totals.approvals == 0)
        window.advance(to: start.adding(seconds: 3600))
        #expect(window.isEmpty)
    }

    @Test func approvalsNeverExceedSends() {
        var window = SlidingWindow(window: .seconds(300), bucket: .seconds(60), tracksNumbers: false)
        window.recordSend(suffix: 0, at: start)
        window.recordApproval(sentAt: start, at: start)
        window.recordApproval(sentAt: start, at: start)
        #expect(window.totals.approvals == 1)
    }

    @Test func theRuleNeedsABurstAndAConversionCollapse() {
        let configuration = FraudGuardConfiguration()
        let thresholds = configuration.perAccount
        func evaluate(sends: Int, approvals: Int, distinct: Int, history: (Int, Int) = (0, 0)) -> FraudEvidence? {
            FraudHeuristics.evaluate(
                FraudHeuristics.Input(
                    window: .init(sends: sends, approvals: approvals, distinctNumbers: distinct),
                    rangeHistory: .init(sends: history.0, approvals: history.1), accountHistory: nil),
                thresholds: thresholds, configuration: configuration)
        }
        #expect(evaluate(sends: 19, approvals: 0, distinct: 19) == nil)       // no burst yet
        #expect(evaluate(sends: 40, approvals: 0, distinct: 9) == nil)        // one user retrying, not adjacent numbers
        #expect(evaluate(sends: 20, approvals: 4, distinct: 20) == nil)       // 20 % ≥ 0.6 × 0.25
        #expect(evaluate(sends: 20, approvals: 2, distinct: 20)?.baselineSource == "default")
        // A range whose own history converts at 90 % is held to 22.5 %.
        #expect(evaluate(sends: 20, approvals: 4, distinct: 20, history: (100, 90))?.baseline == 0.9)
        // A poor history cannot pull the baseline below the floor.
        #expect(evaluate(sends: 20, approvals: 1, distinct: 20, history: (100, 2))?.baseline == 0.3)
    }
}
