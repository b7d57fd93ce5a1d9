// swift-tools-version:6.0
import PackageDescription

/// Release builds of the modules on the hot paths (decoding, text, extraction, index, diff) leave out
/// the run-time exclusivity checks (swift_beginAccess on every access to a class's arrays and a
/// static's state: 2% of indexing); debug builds, which the tests run, keep them, and so do the
/// faces (CLI, server) and the plain-data modules, which gain nothing.
let releaseSettings: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let package = Package(
    name: "policydex",
    // macOS 15: TextPattern keeps its idle matchers in Synchronization's Mutex.
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "policydex", targets: ["policydex"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        // The only code that includes <unicode/*.h>; its header exposes stdint types and opaque handles only.
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n")]
        ),
        .target(name: "NoticeModel"),
        // The genre's words in one home: label words and roles, people fields, collectives, headings, suffixes, periods.
        .target(name: "NoticeVocabulary", dependencies: ["NoticeModel"], resources: [.copy("Resources/thesaurus.txt")]),
        // Bytes → text: one format registry (NoticeFormat), charsets via CICU, .docx via ZIPFoundation, PDF via pdftotext.
        .target(
            name: "NoticeDecode",
            dependencies: ["CICU", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: releaseSettings
        ),
        .target(name: "NoticeText", dependencies: ["CICU", "NoticeModel", "NoticeVocabulary"],
                resources: [.copy("Resources/traditional-simplified.txt")], swiftSettings: releaseSettings),
        .target(name: "NoticeExtract", dependencies: ["NoticeModel", "NoticeDecode", "NoticeText", "NoticeVocabulary"],
                swiftSettings: releaseSettings),
        // The only module importing GRDB: schema, FTS5 tokenizer, indexer, queries.
        .target(
            name: "NoticeIndex",
            dependencies: ["NoticeModel", "NoticeDecode", "NoticeText", "NoticeExtract", "NoticeVocabulary", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "GRDBSQLite", package: "GRDB.swift"), .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: releaseSettings
        ),
        // Year-over-year diff of two notices' tasks: alignment, field changes, word diff, per-unit summary.
        .target(name: "NoticeDiff", dependencies: ["NoticeModel", "NoticeText", "NoticeVocabulary"], swiftSettings: releaseSettings),
        // What both faces (the CLI and the server) do the same way: diffs weighed over the index, importing a file.
        .target(name: "NoticeService", dependencies: ["NoticeModel", "NoticeDecode", "NoticeIndex", "NoticeDiff", "NoticeVocabulary"]),
        // `policydex serve`: the JSON API and the one-page UI (Resources/web) over the same library.
        .target(
            name: "NoticeServer",
            dependencies: ["NoticeModel", "NoticeIndex", "NoticeDiff", "NoticeService", "NoticeVocabulary",
                           .product(name: "Hummingbird", package: "hummingbird")],
            resources: [.copy("Resources/web")]
        ),
        .executableTarget(
            name: "policydex",
            dependencies: [
                "NoticeModel", "NoticeDecode", "NoticeText", "NoticeExtract", "NoticeIndex", "NoticeDiff", "NoticeVocabulary",
                "NoticeService", "NoticeServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `make bench`: generated corpus, index throughput, re-index, search latency.
        .executableTarget(
            name: "policydex-bench",
            dependencies: ["NoticeDecode", "NoticeExtract", "NoticeIndex"]
        ),
        .testTarget(name: "NoticeDecodeTests", dependencies: ["NoticeDecode"]),
        .testTarget(name: "NoticeTextTests", dependencies: ["NoticeText"]),
        .testTarget(name: "NoticeExtractTests", dependencies: ["NoticeExtract", "NoticeText", "NoticeModel", "NoticeVocabulary"]),
        .testTarget(name: "NoticeVocabularyTests", dependencies: ["NoticeVocabulary"]),
        .testTarget(name: "NoticeIndexTests", dependencies: ["NoticeIndex", "NoticeText", "NoticeModel", "NoticeVocabulary", "NoticeExtract",
                                                            .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "NoticeDiffTests", dependencies: ["NoticeDiff", "NoticeExtract", "NoticeText", "NoticeModel", "NoticeVocabulary"]),
        .testTarget(name: "NoticeServerTests", dependencies: ["NoticeServer", "NoticeIndex", .product(name: "HummingbirdTesting", package: "hummingbird")]),
        .testTarget(name: "EndToEndTests", dependencies: ["policydex", "NoticeExtract", "NoticeModel"]),
    ]
)
