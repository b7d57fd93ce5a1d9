// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "policydex",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "policydex", targets: ["policydex"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // The only code that includes <unicode/*.h>; its header exposes stdint types and opaque handles only.
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n")]
        ),
        .target(name: "NoticeModel"),
        .target(
            name: "NoticeText",
            dependencies: ["CICU", "NoticeModel", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .target(name: "NoticeExtract", dependencies: ["NoticeModel", "NoticeText"]),
        .executableTarget(
            name: "policydex",
            dependencies: [
                "NoticeModel", "NoticeText", "NoticeExtract",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "NoticeTextTests", dependencies: ["NoticeText"]),
        .testTarget(name: "NoticeExtractTests", dependencies: ["NoticeExtract", "NoticeText", "NoticeModel"]),
        .testTarget(name: "EndToEndTests", dependencies: ["policydex", "NoticeExtract", "NoticeModel"]),
    ]
)
