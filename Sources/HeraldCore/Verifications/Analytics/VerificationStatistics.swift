/// What the analytics endpoint groups verification counts by.
public enum VerificationStatisticsGrouping: String, Sendable, Codable, CaseIterable, Equatable {
    /// ISO 3166-1 alpha-2 region of the destination.
    case country
    /// The destination's number range (E.164 digits without the last few; see ``FraudTarget``).
    case prefix
}

/// A question to ``VerificationStore/verificationStatistics(_:)``.
public struct VerificationStatisticsQuery: Sendable, Equatable {
    public var accountID: AccountID
    /// Inclusive start of the period (by verification creation time).
    public var from: Timestamp
    /// Exclusive end of the period.
    public var to: Timestamp
    public var groupBy: VerificationStatisticsGrouping

    public init(accountID: AccountID, from: Timestamp, to: Timestamp, groupBy: VerificationStatisticsGrouping) {
        self.accountID = accountID
        self.from = from
        self.to = to
        self.groupBy = groupBy
    }
}

/// Counts for one country or prefix over a period.
public struct VerificationStatisticsRow: Sendable, Equatable, Codable {
    /// The country code or prefix.
    public var key: String
    /// Verifications started.
    public var verifications: Int
    /// SMS sent for them (first sends and resends).
    public var sends: Int
    /// Verifications approved.
    public var approved: Int

    public init(key: String, verifications: Int, sends: Int, approved: Int) {
        self.key = key
        self.verifications = verifications
        self.sends = sends
        self.approved = approved
    }

    /// `approved / verifications` (0 when there were none).
    public var conversionRate: Double { verifications > 0 ? Double(approved) / Double(verifications) : 0 }
}

/// The JSON answer of the analytics endpoint.
public struct VerificationStatisticsReport: Sendable, Equatable, Encodable {
    public var object = "verification_statistics"
    public var from: Timestamp
    public var to: Timestamp
    public var groupBy: VerificationStatisticsGrouping
    public var totals: Group
    public var groups: [Group]

    /// One row as published (with the conversion rate).
    public struct Group: Sendable, Equatable, Encodable {
        public var key: String
        public var verifications: Int
        public var sends: Int
        public var approved: Int
        public var conversionRate: Double

        enum CodingKeys: String, CodingKey {
            case key, verifications, sends, approved
            case conversionRate = "conversion_rate"
        }

        init(_ row: VerificationStatisticsRow) {
            key = row.key
            verifications = row.verifications
            sends = row.sends
            approved = row.approved
            conversionRate = (row.conversionRate * 10_000).rounded() / 10_000
        }
    }

    enum CodingKeys: String, CodingKey {
        case object, from, to
        case groupBy = "group_by"
        case totals, groups
    }

    public init(query: VerificationStatisticsQuery, rows: [VerificationStatisticsRow]) {
        from = query.from
        to = query.to
        groupBy = query.groupBy
        let sorted = rows.sorted { ($0.verifications, $1.key) > ($1.verifications, $0.key) }
        groups = sorted.map(Group.init)
        totals = Group(VerificationStatisticsRow(
            key: "all", verifications: rows.reduce(0) { $0 + $1.verifications }, sends: rows.reduce(0) { $0 + $1.sends },
            approved: rows.reduce(0) { $0 + $1.approved }))
    }
}
