import Foundation
import PlacemakingCLI

exit(PlacemakingMain.run(arguments: Array(CommandLine.arguments.dropFirst())))
