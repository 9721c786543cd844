import HeraldCore

extension RetentionSection {
    /// The section as the retention settings operators may change (two-person rule).
    public var settings: RetentionSettings {
        RetentionSettings(messageBodyDays: messageBodyDays, receiptGraceSeconds: receiptGraceSeconds)
    }
}
