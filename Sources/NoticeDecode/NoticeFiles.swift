import Foundation

/// Finds the notice files of a corpus folder.
public enum NoticeFiles {
    /// Extensions policydex reads (those of the `NoticeFormat` registry); anything else in the
    /// corpus is reported as skipped.
    public static let supportedExtensions: Set<String> = NoticeFormat.all.reduce(into: []) { $0.formUnion($1.extensions) }

    /// Relative paths (sorted) of the regular files below `folder`, hidden files excluded.
    public static func list(in folder: String) throws -> [String] {
        // A corpus folder that is a symlink is read through it (the enumerator does not follow a
        // symlinked root, and an empty listing would empty the index).
        let root = URL(fileURLWithPath: folder).resolvingSymlinksInPath().standardizedFileURL
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDir), isDir.boolValue else {
            throw DecodeError.missingFile(path: folder)
        }
        guard let walker = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return [] }
        var out: [String] = []
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let full = url.standardizedFileURL.path
            out.append(full.hasPrefix(prefix) ? String(full.dropFirst(prefix.count)) : url.lastPathComponent)
        }
        return out.sorted()
    }
}
