// Finds libraries for `use`: the embedded stdlib first, then `.sift` files on disk.
import Foundation

/// Resolves `use "name"`.
///
/// A bare name is looked up in the embedded stdlib (`use "summary"`); anything else, or a name the
/// stdlib lacks, is a path tried as given and with `.sift` added, relative to the using script's
/// folder and then to the working directory.
public enum Stdlib {
    /// The names of the embedded libraries, sorted.
    public static var names: [String] { EmbeddedStdlib.libraries.map(\.name) }

    /// The source of an embedded library.
    public static func source(of name: String) -> String? {
        EmbeddedStdlib.libraries.first(where: { $0.name == name })?.text
    }

    /// The display name and text of a library, or nil when it cannot be found.
    public static func resolve(_ name: String, from directory: String?) -> (name: String, text: String)? {
        if let text = source(of: name) { return ("<stdlib>/\(name).sift", text) }
        var candidates = [name, name + ".sift"]
        if let directory, !name.hasPrefix("/") {
            candidates = [directory + "/" + name, directory + "/" + name + ".sift"] + candidates
        }
        for path in candidates {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue,
               let data = FileManager.default.contents(atPath: path) {
                return (path, String(decoding: data, as: UTF8.self))
            }
        }
        return nil
    }
}
