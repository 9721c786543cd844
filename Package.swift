// swift-tools-version:6.2
import PackageDescription

// Herald: an A2P messaging and phone-verification gateway.
//
// Layout (see README "Architecture"):
//   protocol libraries  – SMPP, SMSText, Numbering, MerkleLog: standalone, know nothing of the gateway
//   domain core         – HeraldCore: messages, routes, verifications, accounts, audit; talks to the
//                         protocol libraries only through small interfaces it defines
//   adapters            – storage, HTTP, carrier links, simulator, webhooks
//   composition         – HeraldApp wires adapters together; `herald` is the one executable

let package = Package(
    name: "Herald",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "herald", targets: ["herald"]),
        .library(name: "SMPP", targets: ["SMPP"]),
        .library(name: "SMSText", targets: ["SMSText"]),
        .library(name: "Numbering", targets: ["Numbering"]),
        .library(name: "MerkleLog", targets: ["MerkleLog"]),
        .library(name: "HeraldRouting", targets: ["HeraldRouting"]),
        .library(name: "HeraldSQLite", targets: ["HeraldSQLite"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-atomics.git", from: "1.3.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
    ],
    targets: [
        // MARK: Protocol libraries (standalone)
        .target(
            name: "SMPP",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "Atomics", package: "swift-atomics"),
            ]
        ),
        .target(name: "SMSText"),
        .target(name: "Numbering"),
        .target(
            name: "MerkleLog",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),

        // MARK: Carrier simulator (an SMSC on loopback; standalone, no gateway dependency)
        .target(
            name: "HeraldSimulator",
            dependencies: [
                "SMPP", "SMSText",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "DequeModule", package: "swift-collections"),
            ]
        ),

        // MARK: Domain core
        .target(
            name: "HeraldCore",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),

        // MARK: Adapters
        .target(
            name: "HeraldSQLite",
            dependencies: [
                "HeraldCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "HeraldPostgres", dependencies: ["HeraldCore", .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "Logging", package: "swift-log")]),
        .target(
            name: "HeraldHTTP",
            dependencies: [
                "HeraldCore", "HeraldRouting",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        .target(
            name: "HeraldWebhooks",
            dependencies: [
                "HeraldCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "HeraldAuditLog",
            dependencies: [
                "HeraldCore", "MerkleLog",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .target(
            name: "HeraldCarrierLinks",
            dependencies: [
                "HeraldCore", "SMPP", "SMSText",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),

        // MARK: Customer SMPP listener (accounts bind to Herald; implements two-way messaging over SMPP)
        .target(
            name: "HeraldCustomerSMPP",
            dependencies: [
                "HeraldCore", "SMPP", "SMSText",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),

        // MARK: Routing engine (rules by prefix, MCC/MNC, country; implements HeraldCore's RoutePlanner)
        .target(
            name: "HeraldRouting",
            dependencies: [
                "HeraldCore", "Numbering",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),

        // MARK: Composition root
        .target(
            name: "HeraldApp",
            dependencies: [
                "HeraldCore", "HeraldSQLite", "HeraldPostgres", "HeraldHTTP", "HeraldWebhooks", "HeraldCarrierLinks", "HeraldSimulator", "HeraldRouting",
                "HeraldCustomerSMPP", "HeraldAuditLog", "Numbering", "SMPP", "SMSText",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),

        // Fakes of the core's ports, shared by test targets.
        .target(name: "HeraldTestSupport", dependencies: ["HeraldCore"]),

        // MARK: Executable
        .executableTarget(
            name: "herald",
            dependencies: [
                "SMPP", "SMSText", "Numbering", "MerkleLog", "HeraldCore", "HeraldRouting", "HeraldApp", "HeraldSimulator",
                "HeraldAuditLog", "HeraldSQLite", "HeraldPostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),

        // MARK: Tests
        .testTarget(
            name: "SMPPTests",
            dependencies: [
                "SMPP",
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "SMSTextTests",
            dependencies: ["SMSText", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "NumberingTests", dependencies: ["Numbering"]),
        .testTarget(name: "MerkleLogTests", dependencies: ["MerkleLog"], exclude: ["Python"]),
        .testTarget(name: "HeraldCoreTests", dependencies: ["HeraldCore", "HeraldTestSupport"]),
        .testTarget(
            name: "HeraldCarrierLinksTests",
            dependencies: [
                "HeraldCarrierLinks", "HeraldSimulator", "HeraldCore", "HeraldTestSupport", "SMPP",
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "HeraldRoutingTests",
            dependencies: [
                "HeraldRouting", "HeraldCore", "Numbering", "HeraldTestSupport", "HeraldSQLite",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "HeraldAppTests",
            dependencies: [
                "HeraldApp", "HeraldCore", "HeraldTestSupport", "HeraldCustomerSMPP", "SMSText", "HeraldSQLite", "HeraldSimulator", "HeraldPostgres",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .testTarget(
            name: "HeraldCustomerSMPPTests",
            dependencies: [
                "HeraldCustomerSMPP", "HeraldApp", "HeraldCore", "HeraldSQLite", "HeraldTestSupport", "SMPP", "SMSText",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "HeraldAuditLogTests",
            dependencies: [
                "HeraldAuditLog", "HeraldSQLite", "HeraldCore", "MerkleLog", "HeraldTestSupport", "HeraldHTTP", "herald",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "HeraldStorageTests",
            dependencies: [
                "HeraldSQLite", "HeraldPostgres", "HeraldCore", "HeraldTestSupport", "HeraldAuditLog", "MerkleLog",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "HeraldHTTPTests",
            dependencies: [
                "HeraldHTTP", "HeraldWebhooks", "HeraldSQLite", "HeraldCore", "HeraldTestSupport", "HeraldRouting", "HeraldAuditLog",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "MetricsTestKit", package: "swift-metrics"),
            ],
            exclude: ["Python"]
        ),
        // The real application and simulator on 127.0.0.1, driven over HTTP; also spawns the built `herald`.
        .testTarget(
            name: "HeraldEndToEndTests",
            dependencies: [
                "HeraldApp", "HeraldCore", "HeraldSimulator", "HeraldSQLite", "HeraldPostgres", "HeraldRouting",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "HeraldVerificationTests",
            dependencies: [
                "HeraldCore", "HeraldTestSupport", "HeraldSQLite", "HeraldHTTP",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "MetricsTestKit", package: "swift-metrics"),
            ]
        ),
    ]
)
