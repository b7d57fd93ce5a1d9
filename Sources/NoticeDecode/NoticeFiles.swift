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
        // readdir's entry types, not a URL and its resource values per file: listing 10,000
        // notices took a quarter of a second, most of an `index` run with nothing to do.
        var out: [String] = []
        walk(root.path, relative: "", into: &out)
        return out.sorted()
    }

    /// Regular files below `path` (not following symlinks, hidden entries skipped), relative.
    private static func walk(_ path: String, relative: String, into out: inout [String]) {
        guard let dir = opendir(path) else { return }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            guard !name.hasPrefix(".") else { continue }
            let full = path + "/" + name, rel = relative.isEmpty ? name : relative + "/" + name
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {   // some file systems leave it to stat
                var st = stat()
                guard lstat(full, &st) == 0 else { continue }
                type = (st.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : (st.st_mode & S_IFMT) == S_IFREG ? Int32(DT_REG) : Int32(DT_LNK)
            }
            if type == Int32(DT_DIR) {
                walk(full, relative: rel, into: &out)
            } else if type == Int32(DT_REG) {
                out.append(rel)
            }
        }
    }
}
