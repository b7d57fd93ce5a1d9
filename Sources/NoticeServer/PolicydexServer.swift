import Foundation
import Hummingbird
import NoticeDiff
import NoticeIndex
import NoticeModel
import NoticeService
import NoticeVocabulary

/// `policydex serve`: the JSON API of `APIRoute.all` and the page in Resources/web, over the
/// index the CLI writes. Reads come from a pool of read-only connections; an import (when
/// allowed) writes through the same store and never makes a read fail.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var corpus: String
    public var indexPath: String
    public var allowImport: Bool
    /// Largest upload accepted (bytes).
    public var maxUpload: Int

    public init(host: String = "127.0.0.1", port: Int = 8080, corpus: String = "corpus", indexPath: String,
                allowImport: Bool = false, maxUpload: Int = 20 << 20) {
        self.host = host
        self.port = port
        self.corpus = corpus
        self.indexPath = indexPath
        self.allowImport = allowImport
        self.maxUpload = maxUpload
    }
}

public enum PolicydexServer {
    /// The application, not yet running. `onRunning` gets the bound port (useful with port 0).
    public static func application(_ config: ServerConfiguration, onRunning: @escaping @Sendable (Int) async -> Void = { _ in })
        throws -> some ApplicationProtocol {
        let api = try API(config)
        let router = Router()
        api.register(on: router)
        WebPage.register(on: router)
        return Application(router: router, configuration: .init(address: .hostname(config.host, port: config.port), serverName: "policydex"),
                           onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? config.port) })
    }

    /// Runs until SIGINT or SIGTERM (graceful shutdown: requests in flight finish).
    public static func run(_ config: ServerConfiguration, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try await application(config, onRunning: onRunning).runService()
    }
}
