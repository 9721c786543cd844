import Testing
@testable import HeraldApp

@Suite struct ConfigurationTests {
    @Test func emptyFileGivesEmbeddedDefaults() throws {
        let configuration = try ConfigurationLoader.parse(yaml: "")
        #expect(configuration.http.host == "127.0.0.1")
        #expect(configuration.simulator.enabled)
        #expect(configuration.carriers.isEmpty)
        try configuration.validate()
    }

    @Test func carrierLinksDecodeWithDefaults() throws {
        let configuration = try ConfigurationLoader.parse(yaml: """
            carriers:
              - id: acme
                host: 127.0.0.1
                port: 2775
                system_id: herald
                password: pw
                binds: 2
                window: 64
            """)
        #expect(configuration.carriers.count == 1)
        #expect(configuration.carriers[0].binds == 2)
        #expect(configuration.carriers[0].bindMode == "transceiver")
        #expect(configuration.carriers[0].concatenation == "udh8")
        try configuration.validate()
    }

    @Test func unknownKeysAreErrorsNamingTheKeyAndPlace() {
        #expect {
            try ConfigurationLoader.parse(yaml: "http:\n  prot: 9000\n")
        } throws: { error in
            "\(error)".contains("'prot'") && "\(error)".contains("'http'")
        }
        #expect {
            try ConfigurationLoader.parse(yaml: "carriers:\n  - id: a\n    host: h\n    port: 1\n    system_id: s\n    password: p\n    windw: 3\n")
        } throws: { error in
            "\(error)".contains("'windw'")
        }
    }

    @Test func missingRequiredCarrierKeyIsNamed() {
        #expect {
            try ConfigurationLoader.parse(yaml: "carriers:\n  - id: a\n    host: h\n    port: 1\n    password: p\n")
        } throws: { error in
            "\(error)".contains("system_id")
        }
    }

    @Test func invalidValuesAreRejectedByValidation() throws {
        var configuration = try ConfigurationLoader.parse(yaml: """
            carriers:
              - id: acme
                host: 127.0.0.1
                port: 2775
                system_id: herald
                password: pw
                concatenation: smoke-signals
            """)
        #expect(throws: ConfigurationError.self) { try configuration.validate() }
        configuration.carriers[0].concatenation = "sar"
        configuration.carriers.append(configuration.carriers[0])
        #expect { try configuration.validate() } throws: { "\($0)".contains("used twice") }
    }

    @Test func throttleRetriesReachTheBindsAndAreBounded() throws {
        var configuration = try ConfigurationLoader.parse(yaml: """
            carriers:
              - { id: acme, host: 127.0.0.1, port: 2775, system_id: herald, password: pw, throttle_retries: 2 }
            """)
        try configuration.validate()
        #expect(configuration.carriers[0].throttleRetries == 2)
        #expect(CarrierLinkSettingsMapper.settings(for: configuration.carriers[0]).binds[0].throttle.maxRetries == 2)
        configuration.carriers[0].throttleRetries = 21
        #expect { try configuration.validate() } throws: { "\($0)".contains("throttle_retries") }
    }

    @Test func environmentOverridesFile() throws {
        let configuration = try ConfigurationLoader.load(path: nil, environment: ["HERALD_HTTP_PORT": "9099", "HERALD_DATABASE_URL": "postgres://x@127.0.0.1/h"])
        #expect(configuration.http.port == 9099)
        #expect(configuration.database.url == "postgres://x@127.0.0.1/h")
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader.load(path: nil, environment: ["HERALD_HTTP_PORT": "eighty"]) }
    }
}
