import Foundation

/// A value shared between threads of one command (the serving task and the waiting command; the
/// two notices of a diff read side by side).
final class LockedBox<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: T
    init(_ value: T) { stored = value }
    var value: T {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }

    /// Changes the value in place under the lock (a read and a write that no other thread splits).
    func update(_ body: (inout T) -> Void) { lock.withLock { body(&stored) } }
}
