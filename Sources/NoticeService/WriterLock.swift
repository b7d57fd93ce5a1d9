import Foundation

/// One writer at a time over an index (`index`, `import`, the server's import), across processes:
/// an advisory lock on `policydex.sqlite.lock` beside the index. A second writer says it is
/// waiting and waits, instead of failing on "database is locked" when the first takes long.
public final class WriterLock {
    private let fd: Int32

    /// Takes the lock, calling `waiting` once if another process holds it.
    public init(indexPath: String, waiting: () -> Void = {}) throws {
        let path = indexPath + ".lock"
        try FileManager.default.createDirectory(atPath: (indexPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        fd = open(path, O_RDWR | O_CREAT, 0o644)
        guard fd >= 0 else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path]) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            waiting()
            flock(fd, LOCK_EX)
        }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
