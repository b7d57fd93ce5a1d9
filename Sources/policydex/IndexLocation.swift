import NoticeIndex

extension CorpusOptions {
    var databasePath: String { IndexStore.path(inFolder: index) }

    /// The existing index (a missing or newer one is an error).
    func openStore() throws -> IndexStore {
        try IndexStore(path: databasePath, readOnly: true)
    }
}
