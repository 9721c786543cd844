import Synchronization

/// The measuring core of `herald bench verify`: drives verification starts concurrently through any entry
/// point (the service, or the HTTP API) and measures start throughput, API latency, and latency from the
/// API call to the moment the dispatcher hands the SMS to the carrier (submit_sm).
///
/// ```swift
/// let recorder = SubmitTimeRecorder(wrapping: smppGateway)      // given to the dispatcher
/// let report = await VerificationLoadDriver.run(count: 10_000, concurrency: 64, recorder: recorder) { index in
///     let outcome = try await service.start(VerificationRequest(to: VerificationLoadDriver.scatteredNumber(index)), account: account, clientAddress: nil)
///     return outcome.verification.sends.last!.messageID
/// }
/// print(report)
/// ```
///
/// The start closure returns the id of the message carrying the code; the driver then waits (up to
/// `submitTimeout`) until the recorder has seen every one of them submitted.
public enum VerificationLoadDriver {
    public typealias Start = @Sendable (_ index: Int) async throws -> MessageID
    /// A start that reports when its answer arrived, so work after the answer (looking up the message id)
    /// is not counted as API latency.
    public typealias TimedStart = @Sendable (_ index: Int) async throws -> (message: MessageID, answeredAt: ContinuousClock.Instant)

    /// What one run measured.
    public struct Report: Sendable, CustomStringConvertible {
        public var requested: Int
        public var started: Int
        /// Failed starts by error code (`HeraldError.code`, or the error's type).
        public var failures: [String: Int]
        /// From the first call to the last answer.
        public var startPhase: Duration
        /// From the first call to the last submission seen (or the timeout).
        public var total: Duration
        /// Started verifications per second of `startPhase`.
        public var startsPerSecond: Double
        /// Call → answer of the start.
        public var apiLatency: LatencySummary
        /// Call → `submit` called by the dispatcher (submit_sm written).
        public var startToSubmit: LatencySummary
        /// Call → carrier accepted (submit_sm_resp).
        public var startToAccepted: LatencySummary
        /// Started verifications whose SMS was not submitted within the timeout.
        public var unsubmitted: Int

        public var description: String {
            let failed = failures.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            return """
                verification starts: \(started)/\(requested) in \(LatencySummary.milliseconds(startPhase)) → \(Int(startsPerSecond.rounded())) starts/s\
                \(failed.isEmpty ? "" : " (failed: \(failed))")
                  API call → answer:        \(apiLatency)
                  API call → submit_sm:     \(startToSubmit)
                  API call → submit_sm_resp:\(startToAccepted)
                  not submitted in time:    \(unsubmitted)
                """
        }
    }

    /// Runs `count` starts, at most `concurrency` at once.
    public static func run(
        count: Int, concurrency: Int, recorder: SubmitTimeRecorder, submitTimeout: Duration = .seconds(60), start: @escaping Start
    ) async -> Report {
        await run(count: count, concurrency: concurrency, recorder: recorder, submitTimeout: submitTimeout, timedStart: { index in
            (try await start(index), ContinuousClock.now)
        })
    }

    /// Runs `count` starts, at most `concurrency` at once, each reporting when its answer arrived.
    public static func run(
        count: Int, concurrency: Int, recorder: SubmitTimeRecorder, submitTimeout: Duration = .seconds(60), timedStart start: @escaping TimedStart
    ) async -> Report {
        struct Sample: Sendable {
            var began: ContinuousClock.Instant
            var answered: ContinuousClock.Instant
            var message: MessageID?
            var failure: String?
        }
        let firstCall = ContinuousClock.now
        let samples = await withTaskGroup(of: Sample.self, returning: [Sample].self) { group in
            var next = 0
            var results: [Sample] = []
            results.reserveCapacity(count)
            func launch(_ index: Int) {
                group.addTask {
                    let began = ContinuousClock.now
                    do {
                        let (message, answered) = try await start(index)
                        return Sample(began: began, answered: answered, message: message, failure: nil)
                    } catch let error as HeraldError {
                        return Sample(began: began, answered: ContinuousClock.now, message: nil, failure: error.code)
                    } catch {
                        return Sample(began: began, answered: ContinuousClock.now, message: nil, failure: String(describing: type(of: error)))
                    }
                }
            }
            while next < min(count, max(1, concurrency)) {
                launch(next)
                next += 1
            }
            for await sample in group {
                results.append(sample)
                if next < count {
                    launch(next)
                    next += 1
                }
            }
            return results
        }
        let lastAnswer = samples.map(\.answered).max() ?? firstCall
        let startPhase = lastAnswer - firstCall

        let ids = samples.compactMap(\.message)
        let deadline = ContinuousClock.now.advanced(by: submitTimeout)
        while recorder.acceptedCount(of: ids) < ids.count, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(5))
        }
        var toSubmit: [Duration] = []
        var toAccepted: [Duration] = []
        var lastSubmission = lastAnswer
        for sample in samples {
            guard let id = sample.message, let times = recorder.times(of: id) else { continue }
            toSubmit.append(times.submitted - sample.began)
            if let accepted = times.accepted {
                toAccepted.append(accepted - sample.began)
                lastSubmission = max(lastSubmission, accepted)
            }
        }
        var failures: [String: Int] = [:]
        for failure in samples.compactMap(\.failure) { failures[failure, default: 0] += 1 }
        let seconds = Double(startPhase.components.seconds) + Double(startPhase.components.attoseconds) / 1e18
        return Report(
            requested: count, started: ids.count, failures: failures, startPhase: startPhase, total: lastSubmission - firstCall,
            startsPerSecond: seconds > 0 ? Double(ids.count) / seconds : 0,
            apiLatency: LatencySummary(samples.filter { $0.message != nil }.map { $0.answered - $0.began }),
            startToSubmit: LatencySummary(toSubmit), startToAccepted: LatencySummary(toAccepted), unsubmitted: ids.count - toAccepted.count)
    }

    /// A German mobile number for `index`, spread so that consecutive indices fall in different number
    /// ranges (a benchmark must not look like SMS pumping to the fraud guard).
    public static func scatteredNumber(_ index: Int, prefix: String = "+4915") -> String {
        // Multiplying by a number coprime to 10 permutes 0..<10^9; consecutive indices land far apart.
        let permuted = (UInt64(index) &* 387_420_489) % 1_000_000_000
        let digits = String(permuted)
        return prefix + String(repeating: "0", count: 9 - digits.count) + digits
    }
}
