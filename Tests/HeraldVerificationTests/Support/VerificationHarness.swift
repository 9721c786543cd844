import HeraldCore
import HeraldTestSupport
import Logging
import MetricsTestKit

/// A verification service on in-memory fakes, with a manual clock, captured logs and test metrics.
struct VerificationHarness {
    let clock = ManualClock()
    let random = SequenceRandomSource(seed: 0xC0DE)
    let store = InMemoryVerificationStore()
    let logs = LogCapture()
    let metrics = TestMetrics()
    let vault: EphemeralBodyVault
    let limiter: InMemoryRateLimiter
    let fraud: FraudGuard
    let messages: MessageService
    let service: VerificationService
    let account: Account
    let other: Account

    static let key: [UInt8] = Array(repeating: 0x42, count: 32)

    init(
        policy: VerificationPolicy = VerificationPolicy(), rateLimits: VerificationRateLimits = .unlimited,
        fraud fraudConfiguration: FraudGuardConfiguration = FraudGuardConfiguration(), accountLimits: AccountLimits = AccountLimits(),
        countryPermissions: CountryPermissions = .allowAll
    ) throws {
        vault = EphemeralBodyVault(clock: clock)
        limiter = InMemoryRateLimiter(clock: clock)
        let now = clock.now()
        account = Account(
            id: AccountID.generate(at: now, random: random), name: "Acme", webhookSecret: "whsec_test", webhookURL: "https://hooks.acme.example/herald",
            limits: accountLimits, countryPermissions: countryPermissions, createdAt: now)
        other = Account(id: AccountID.generate(at: now, random: random), name: "Other", webhookSecret: "whsec_other", createdAt: now)
        fraud = FraudGuard(configuration: fraudConfiguration, store: store, clock: clock, random: random, logger: logs.logger(label: "fraud"), metrics: metrics)
        messages = MessageService(
            dependencies: MessageService.Dependencies(
                store: store, numbers: SimpleNumberResolver(), text: SimpleTextAnalyzer(), clock: clock, random: random, wake: DispatchSignal()),
            policy: MessagePolicy(), nodeID: "node-1")
        service = try VerificationService(
            dependencies: VerificationService.Dependencies(
                store: store, messages: messages, vault: vault, rateLimiter: limiter, fraudGuard: fraud, clock: clock, random: random,
                pseudonymizer: Pseudonymizer(key: Array(repeating: 7, count: 32))),
            policy: policy, rateLimits: rateLimits, codeKey: Self.key, logger: logs.logger(label: "verify"), metrics: metrics)
    }

    /// The SMS text of the verification's current code (from the vault, as the dispatcher would read it).
    func body(of verification: Verification) -> String? {
        verification.currentMessageID.flatMap { vault.body(for: $0) }
    }

    /// The code inside the current SMS: the first run of `codeLength` digits.
    func code(of verification: Verification) -> String? {
        guard let body = body(of: verification) else { return nil }
        return Self.code(in: body, length: verification.codeLength)
    }

    static func code(in body: String, length: Int) -> String? {
        var run = ""
        for character in body {
            if character.isASCII, character.isNumber {
                run.append(character)
            } else {
                if run.count == length { return run }
                run = ""
            }
        }
        return run.count == length ? run : nil
    }

    /// A wrong code of the right length.
    static func wrong(_ code: String) -> String {
        String(code.map { $0 == "9" ? "0" : Character(String(($0.wholeNumberValue ?? 0) + 1)) })
    }
}
