/// The result of verifying an audit bundle: every finding and the overall verdict.
///
/// ```swift
/// let report = BundleVerifier(trustedKey: key).verify(bundle)
/// print(report.rendered)
/// exit(report.isClean ? 0 : 1)
/// ```
public struct VerificationReport: Sendable, Hashable, Codable {
    /// The log origin verified against.
    public let origin: String
    /// The number of entries in the bundle.
    public let entryCount: Int
    /// The number of checkpoints (bundle and previously known) validly signed by the trusted key.
    public let trustedCheckpointCount: Int
    /// The largest tree size whose validly signed checkpoint matches the bundle's entries (0 if none).
    public let verifiedTreeSize: UInt64
    /// All findings: entry findings in index order, then checkpoint and proof findings.
    public let findings: [AuditFinding]

    /// Creates a report.
    public init(origin: String, entryCount: Int, trustedCheckpointCount: Int, verifiedTreeSize: UInt64, findings: [AuditFinding]) {
        self.origin = origin
        self.entryCount = entryCount
        self.trustedCheckpointCount = trustedCheckpointCount
        self.verifiedTreeSize = verifiedTreeSize
        self.findings = findings
    }

    /// Findings that make the verdict fail.
    public var problems: [AuditFinding] { findings.filter(\.isProblem) }

    /// True when nothing was found but redactions and informational notes.
    public var isClean: Bool { !findings.contains(where: \.isProblem) }

    /// The findings of one kind.
    public func findings(of kind: AuditFinding.Kind) -> [AuditFinding] {
        findings.filter { $0.kind == kind }
    }

    /// A one-line verdict.
    public var verdict: String {
        let redactions = findings(of: .redacted).count
        if isClean {
            let suffix = redactions > 0 ? "; \(redactions) entr\(redactions == 1 ? "y has" : "ies have") redacted fields" : ""
            return "CLEAN: \(entryCount) entries verified, covered by checkpoints up to size \(verifiedTreeSize)\(suffix)"
        }
        let count = problems.count
        return "TAMPERED: \(count) problem\(count == 1 ? "" : "s") found in \(entryCount) entries"
    }

    /// The report as text: a header, one line per finding, the verdict.
    public var rendered: String {
        var lines = [
            "Audit log \(origin)",
            "  entries: \(entryCount), trusted checkpoints: \(trustedCheckpointCount), verified tree size: \(verifiedTreeSize)",
        ]
        if findings.isEmpty {
            lines.append("  no findings")
        } else {
            lines.append("Findings:")
            lines += findings.map { "  \($0.isProblem ? "✗" : "·") \($0)" }
        }
        lines.append(verdict)
        return lines.joined(separator: "\n") + "\n"
    }
}
