/// The table of approved sealed-value disclosures (migration `disclosures-v1`).
enum PostgresDisclosureSchema {
    static let migration = PostgresMigration(identifier: "disclosures-v1", statements: [
        """
        CREATE TABLE sealed_value_disclosures (
            id TEXT PRIMARY KEY,
            first_index BIGINT NOT NULL,
            end_index BIGINT NOT NULL,
            requested_by TEXT NOT NULL,
            approved_by TEXT NOT NULL,
            approved_at BIGINT NOT NULL,
            expires_at BIGINT NOT NULL,
            downloaded_at BIGINT,
            downloaded_by TEXT
        )
        """,
    ])
}
