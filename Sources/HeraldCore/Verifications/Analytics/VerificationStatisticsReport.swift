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
