// swift-tools-version:6.2
import PackageDescription

// libFuzzer targets for Herald's decoders. Build and run with ./run-smpp-fuzz.sh (see README.md);
// the script passes `-sanitize=fuzzer` to every module, which a manifest cannot do for dependencies.
let package = Package(
    name: "HeraldFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Herald", path: ".."),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
    ],
    targets: [
        .executableTarget(
            name: "SMPPDecoderFuzzer",
            dependencies: [
                .product(name: "SMPP", package: "Herald"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "SMPPDecoderFuzzer"
        ),
    ]
)
