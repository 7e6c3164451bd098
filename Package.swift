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
    ],
    targets: [
        // GNU readline, the only line editor measured here that handles double-width text.
        .systemLibrary(name: "CReadline", path: "Sources/CReadline", providers: [.apt(["libreadline-dev"])]),
        // The reference data and the facts of the source report, as SQL run once per new database.
        .target(name: "PlacemakingSeeds", path: "seeds", resources: [.copy("sql")]),
        .target(
            name: "PlacemakingKit",
            dependencies: [.product(name: "GRDB", package: "GRDB.swift"), "PlacemakingSeeds"],
            resources: [.copy("Database/Migrations")]
        ),
        .target(
            name: "PlacemakingCLI",
            dependencies: [
                "PlacemakingKit", "CReadline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "placemaking", dependencies: ["PlacemakingCLI"]),
        .testTarget(name: "PlacemakingKitTests", dependencies: ["PlacemakingKit"], exclude: ["Fixtures"]),
        .testTarget(name: "PlacemakingCLITests", dependencies: ["PlacemakingCLI", "PlacemakingKit"]),
    ]
)
