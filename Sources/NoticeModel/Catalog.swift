/// The task catalog of a corpus: what `policydex export --format json` prints.
public struct Catalog: Codable, Sendable, Hashable {
    public var documents: [Notice]

    public init(documents: [Notice] = []) {
        self.documents = documents
    }
}
