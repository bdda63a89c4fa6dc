// swift-tools-version: 6.0
// Sift: a pipeline language for dataframes, with its own columnar engine. No package dependencies.
import PackageDescription

// Targets are listed bottom-up; dependencies flow one way:
// SiftFrame <- SiftLang <- SiftSession <- sift, with SiftPlot and SiftLearn beside SiftLang.
let package = Package(
    name: "Sift",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "sift", targets: ["sift"]),
        .library(name: "SiftFrame", targets: ["SiftFrame"]),
    ],
    targets: [
        .systemLibrary(
            name: "CReadline",
            pkgConfig: "readline",
            providers: [.apt(["libreadline-dev"])]
        ),
        .systemLibrary(name: "CMalloc"),
        .target(name: "SiftFrame"),
        .target(name: "SiftPlot", dependencies: ["SiftFrame"]),
        .target(name: "SiftLearn", dependencies: ["SiftFrame"]),
        .target(name: "SiftLang", dependencies: ["SiftFrame"]),
        .target(name: "SiftSession", dependencies: ["SiftFrame", "SiftPlot", "SiftLearn", "SiftLang", "CReadline"]),
        .executableTarget(name: "sift", dependencies: ["SiftSession", "CMalloc"]),
        .testTarget(name: "SiftFrameTests", dependencies: ["SiftFrame"]),
        .testTarget(name: "SiftPlotTests", dependencies: ["SiftPlot", "SiftFrame"], exclude: ["References"]),
        .testTarget(name: "SiftLearnTests", dependencies: ["SiftLearn"]),
        .testTarget(name: "SiftLangTests", dependencies: ["SiftLang"]),
        .testTarget(name: "SiftSessionTests", dependencies: ["SiftSession", "sift"]),
    ]
)
