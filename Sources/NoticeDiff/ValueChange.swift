/// An old → new value of one field of a paired task.
public struct ValueChange<Value: Codable & Sendable & Hashable>: Codable, Sendable, Hashable {
    public var old: Value
    public var new: Value

    public init(old: Value, new: Value) {
        self.old = old
        self.new = new
    }
}
