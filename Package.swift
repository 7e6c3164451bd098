// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "placemaking",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "placemaking", targets: ["placemaking"]),
        .library(name: "PlacemakingKit", targets: ["PlacemakingKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        // Packs the ODS and XLSX exports (both are zip archives); streams entries from files.
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // GNU readline, the only line editor measured here that handles double-width text.
        .systemLibrary(name: "CReadline", path: "Sources/CReadline", providers: [.apt(["libreadline-dev"])]),
        // The migrations (Sources/PlacemakingKit/Database/Migrations) and the seeds (seeds/sql) stay
        // plain SQL files; this plugin compiles them in, so the installed binary needs no resource bundle.
        .executableTarget(name: "EmbedSQLTool"),
        .plugin(name: "EmbedSQL", capability: .buildTool(), dependencies: ["EmbedSQLTool"]),
        .target(
            name: "PlacemakingKit",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["Database/Migrations"],
            plugins: ["EmbedSQL"]
        ),
        .target(
            name: "PlacemakingCLI",
            dependencies: [
                "PlacemakingKit", "CReadline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "placemaking", dependencies: ["PlacemakingCLI"]),
        // The tests open the exported workbooks with ZIPFoundation too (and with LibreOffice where installed).
        .testTarget(
            name: "PlacemakingKitTests",
            dependencies: ["PlacemakingKit", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "PlacemakingCLITests", dependencies: ["PlacemakingCLI", "PlacemakingKit"]),
    ]
)
