import Foundation
import Hummingbird
import HummingbirdTesting
import NoticeIndex
import Testing
@testable import NoticeServer

/// The server on a free loopback port over an index of the samples plus a 2024 edition, each
/// route asked good and bad questions.
@Suite struct ServerRouteTests {
    /// A corpus folder (the samples and qingchuan_2024.txt) and its index, made once per test.
    struct Site {
        let root: URL
        var corpus: String { root.appendingPathComponent("corpus").path }
        var indexPath: String { root.appendingPathComponent("index/policydex.sqlite").path }

        static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardizedFileURL

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("policydex-serve-\(UUID().uuidString)")
            let fm = FileManager.default
            try fm.createDirectory(at: root, withIntermediateDirectories: true)
            try fm.copyItem(at: Self.repository.appendingPathComponent("corpus"), to: root.appendingPathComponent("corpus"))
            try fm.copyItem(at: Self.repository.appendingPathComponent("Tests/Fixtures/diff/qingchuan_2024.txt"),
                            to: root.appendingPathComponent("corpus/qingchuan_2024.txt"))
            _ = try Indexer.index(corpus: corpus, into: IndexStore(path: indexPath, create: true))
        }

        func app(allowImport: Bool = false, maxUpload: Int = 20 << 20) throws -> some ApplicationProtocol {
            try PolicydexServer.application(ServerConfiguration(host: "127.0.0.1", port: 0, corpus: corpus, indexPath: indexPath,
                                                                allowImport: allowImport, maxUpload: maxUpload))
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    static func json(_ r: TestResponse) throws -> Any { try JSONSerialization.jsonObject(with: Data(buffer: r.body)) }
    static func object(_ r: TestResponse) throws -> [String: Any] { try #require(try json(r) as? [String: Any]) }

    /// An error answer: its status, JSON with one "error" line, and nothing of SQL or the stack.
    static func expectError(_ r: TestResponse, _ status: HTTPResponse.Status, _ fragment: String = "",
                            sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(r.status == status, "\(String(buffer: r.body))", sourceLocation: sourceLocation)
        let o = try object(r)
        let message = try #require(o["error"] as? String, sourceLocation: sourceLocation)
        #expect(o.count == 1 && !message.contains("\n"), sourceLocation: sourceLocation)
        #expect(fragment.isEmpty || message.contains(fragment), "\(message)", sourceLocation: sourceLocation)
        for leak in ["SELECT", "sqlite", "SQLITE", "Fatal", ".swift:"] { #expect(!message.contains(leak), sourceLocation: sourceLocation) }
    }

    static func q(_ s: String) -> String { s.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? s }

    @Test func searchAndWho() async throws {
        let site = try Site()
        defer { site.remove() }
        try await site.app().test(.live) { client in
            try await client.execute(uri: "/api/health", method: .get) { r in
                let o = try Self.object(r)
                #expect(r.status == .ok && o["notices"] as? Int == 6 && o["allow_import"] as? Bool == false)
            }
            try await client.execute(uri: "/api/search?q=\(Self.q("电信诈骗"))&limit=3", method: .get) { r in
                let o = try Self.object(r)
                let hits = try #require(o["hits"] as? [[String: Any]])
                #expect(r.status == .ok && hits.count == 3 && (o["total"] as? Int ?? 0) >= 3)
                #expect(hits.allSatisfy { ($0["snippet"] as? String ?? "").contains("<mark>") && $0["title"] is String })
            }
            // The same answer as `policydex who 谁牵头反恐防暴 --json`: the lead first.
            try await client.execute(uri: "/api/who?q=\(Self.q("谁牵头反恐防暴"))", method: .get) { r in
                let hits = try #require(try Self.object(r)["hits"] as? [[String: Any]])
                #expect(hits.count <= 5 && (hits.first?["lead"] as? [String]) == ["安稳办"])
            }
            try await client.execute(uri: "/api/search?q=\(Self.q("医疗纠纷"))&dept=\(Self.q("医政科"))&role=lead&year=2023", method: .get) { r in
                let hits = try #require(try Self.object(r)["hits"] as? [[String: Any]])
                #expect(r.status == .ok && !hits.isEmpty && hits.allSatisfy { ($0["lead"] as? [String] ?? []).contains("医政科") && $0["year"] as? Int == 2023 })
            }
            try await client.execute(uri: "/api/search", method: .get) { try Self.expectError($0, .badRequest, "q:") }
            try await client.execute(uri: "/api/search?q=%20", method: .get) { try Self.expectError($0, .badRequest, "q:") }
            try await client.execute(uri: "/api/search?q=a&limit=0", method: .get) { try Self.expectError($0, .badRequest, "limit") }
            try await client.execute(uri: "/api/search?q=a&limit=x", method: .get) { try Self.expectError($0, .badRequest, "limit") }
            try await client.execute(uri: "/api/search?q=a&year=2024x", method: .get) { try Self.expectError($0, .badRequest, "year") }
            try await client.execute(uri: "/api/search?q=a&role=lead", method: .get) { try Self.expectError($0, .badRequest, "dept") }
            try await client.execute(uri: "/api/search?q=a&dept=\(Self.q("医政科"))&role=boss", method: .get) { try Self.expectError($0, .badRequest, "role") }
            try await client.execute(uri: "/api/search?q=a&exact=maybe", method: .get) { try Self.expectError($0, .badRequest, "exact") }
            try await client.execute(uri: "/api/search?q=\(String(repeating: "a", count: 1001))", method: .get) { try Self.expectError($0, .badRequest, "too long") }
            try await client.execute(uri: "/api/search?q=\(Self.q("\"未闭合"))", method: .get) { try Self.expectError($0, .badRequest, "quote") }
            try await client.execute(uri: "/api/search?q=a&dept=\(Self.q("不存在科"))", method: .get) { try Self.expectError($0, .notFound, "不存在科") }
            try await client.execute(uri: "/api/who", method: .get) { try Self.expectError($0, .badRequest, "q:") }
        }
    }

    @Test func unitsNoticesAndTasks() async throws {
        let site = try Site()
        defer { site.remove() }
        try await site.app().test(.live) { client in
            try await client.execute(uri: "/api/units", method: .get) { r in
                let units = try #require(try Self.json(r) as? [[String: Any]])
                #expect(units.contains { $0["name"] as? String == "安稳办" })
            }
            try await client.execute(uri: "/api/units/\(Self.q("委安稳办"))?role=lead", method: .get) { r in
                let o = try Self.object(r)
                #expect((o["unit"] as? [String: Any])?["name"] as? String == "安稳办")
                let hits = try #require(o["hits"] as? [[String: Any]])
                #expect(!hits.isEmpty && hits.allSatisfy { $0["role"] as? String == "lead" && $0["year"] != nil })
            }
            try await client.execute(uri: "/api/units/\(Self.q("安稳科"))", method: .get) { try Self.expectError($0, .notFound, "安稳办") }
            try await client.execute(uri: "/api/units/\(Self.q("安稳办"))?role=boss", method: .get) { try Self.expectError($0, .badRequest, "role") }
            try await client.execute(uri: "/api/units/\(Self.q("安稳办"))?year=last", method: .get) { try Self.expectError($0, .badRequest, "year") }
            try await client.execute(uri: "/api/notices", method: .get) { r in
                let list = try #require(try Self.json(r) as? [[String: Any]])
                #expect(list.count == 6 && list.first?["year"] as? Int == 2024)
            }
            try await client.execute(uri: "/api/notices/000", method: .get) { r in
                let o = try Self.object(r)
                #expect(o["file"] as? String == "000_e2eba855e6b0ece5.txt" && (o["tasks"] as? [Any])?.count == 57)
            }
            try await client.execute(uri: "/api/notices/nope", method: .get) { try Self.expectError($0, .notFound, "nope") }
            try await client.execute(uri: "/api/tasks/\(Self.q("000_e2eba855e6b0ece5#7"))", method: .get) { r in
                let o = try Self.object(r)
                #expect((o["task"] as? [String: Any])?["lead"] as? [String] == ["安稳办"])
                #expect(((o["source"] as? [[String: Any]]) ?? []).contains { ($0["text"] as? String ?? "").contains("社会稳定风险评估") })
            }
            try await client.execute(uri: "/api/tasks/\(Self.q("000_e2eba855e6b0ece5#999"))", method: .get) { try Self.expectError($0, .notFound) }
            try await client.execute(uri: "/api/tasks/000", method: .get) { try Self.expectError($0, .notFound, "task") }
            try await client.execute(uri: "/api/nothing/here", method: .get) { try Self.expectError($0, .notFound, "no such API route") }
            try await client.execute(uri: "/api/search?q=a", method: .delete) { try Self.expectError($0, .notFound) }
        }
    }

    @Test func diffPicksThePreviousEdition() async throws {
        let site = try Site()
        defer { site.remove() }
        try await site.app().test(.live) { client in
            try await client.execute(uri: "/api/diff?new=001", method: .get) { r in
                let o = try Self.object(r)
                #expect(r.status == .ok && o["baseline"] as? String == "000_e2eba855e6b0ece5.txt")
                let report = try #require(o["report"] as? [String: Any])
                #expect((report["headline"] as? [String])?.count == 5)
            }
            try await client.execute(uri: "/api/diff?old=000&new=001&all=true", method: .get) { r in
                let report = try #require(try Self.object(r)["report"] as? [String: Any])
                #expect((report["pairs"] as? [Any])?.isEmpty == false)
            }
            try await client.execute(uri: "/api/diff", method: .get) { try Self.expectError($0, .badRequest, "new") }
            try await client.execute(uri: "/api/diff?new=nope", method: .get) { try Self.expectError($0, .notFound, "nope") }
            try await client.execute(uri: "/api/diff?new=qingchuan_2024", method: .get) { try Self.expectError($0, .notFound, "no earlier edition") }
        }
    }

    @Test func importOnlyWhenAllowedAndFromTheSameOrigin() async throws {
        let site = try Site()
        defer { site.remove() }
        let notice = try Data(contentsOf: Site.repository.appendingPathComponent("Tests/Fixtures/diff/qingchuan_2025.txt"))
        try await site.app().test(.live) { client in
            try await client.execute(uri: "/api/import?name=qingchuan_2025.txt", method: .post, headers: [.origin: "http://localhost"],
                                     body: ByteBuffer(bytes: notice)) { try Self.expectError($0, .forbidden, "--allow-import") }
        }
        try await site.app(allowImport: true, maxUpload: 200_000).test(.live) { client in
            let body = ByteBuffer(bytes: notice)
            try await client.execute(uri: "/api/notices", method: .get) { r in
                let n = try (Self.json(r) as? [Any])?.count
                #expect(n == 6)
            }
            try await client.execute(uri: "/api/import?name=qingchuan_2025.txt", method: .post, headers: [.origin: "http://evil.example"], body: body) {
                try Self.expectError($0, .forbidden, "cross-site")
            }
            try await client.execute(uri: "/api/import?name=qingchuan_2025.txt", method: .post, body: body) { try Self.expectError($0, .forbidden, "Origin") }
            try await client.execute(uri: "/api/import?name=run.exe", method: .post, headers: [.origin: "http://localhost"], body: body) {
                try Self.expectError($0, .unprocessableContent, "not a notice file type")
            }
            try await client.execute(uri: "/api/import?name=..%2Fescape.txt", method: .post, headers: [.origin: "http://localhost"], body: body) {
                try Self.expectError($0, .unprocessableContent, "plain file name")
            }
            try await client.execute(uri: "/api/import?name=big.txt", method: .post, headers: [.origin: "http://localhost"],
                                     body: ByteBuffer(bytes: Data(repeating: 0x41, count: 300_000))) { try Self.expectError($0, .contentTooLarge, "too large") }
            try await client.execute(uri: "/api/import?name=qingchuan_2025.txt", method: .post, headers: [.origin: "http://localhost"], body: body) { r in
                let o = try Self.object(r)
                #expect(r.status == .ok && o["status"] as? String == "imported")
                #expect((o["diff"] as? [String: Any])?["baseline"] as? String == "qingchuan_2024.txt")
            }
            // The imported notice is listed and searchable at once (no stale cached answer); the
            // rejected ones left nothing behind.
            try await client.execute(uri: "/api/notices/qingchuan_2025", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/api/notices", method: .get) { r in
                let n = try (Self.json(r) as? [Any])?.count
                #expect(n == 7)
            }
            #expect(!FileManager.default.fileExists(atPath: site.corpus + "/big.txt") && !FileManager.default.fileExists(atPath: site.corpus + "/run.exe"))
        }
    }

    /// Every route of the OpenAPI document answers (no "no such API route"), and every API path
    /// the server answers is in the document.
    @Test func openAPIDocumentMatchesTheRoutes() async throws {
        let site = try Site()
        defer { site.remove() }
        try await site.app().test(.live) { client in
            let doc = try await client.execute(uri: "/api/openapi.json", method: .get) { try Self.object($0) }
            let paths = try #require(doc["paths"] as? [String: [String: Any]])
            #expect(Set(paths.keys) == Set(APIRoute.all.map(\.path)))
            let samples = ["{unit}": Self.q("安稳办"), "{doc}": "000", "{id}": Self.q("000_e2eba855e6b0ece5#7")]
            for (path, methods) in paths {
                var uri = path
                for (k, v) in samples { uri = uri.replacingOccurrences(of: k, with: v) }
                for method in methods.keys {
                    let m: HTTPRequest.Method = method == "post" ? .post : .get
                    try await client.execute(uri: uri, method: m) { r in
                        #expect(!String(buffer: r.body).contains("no such API route"), "\(method) \(path)")
                        #expect(r.headers[.contentType]?.hasPrefix("application/json") == true, "\(method) \(path)")
                    }
                    // Each documented parameter is one the handler reads: required ones missing give 400.
                    let required = ((methods[method] as? [String: Any])?["parameters"] as? [[String: Any]] ?? [])
                        .filter { $0["in"] as? String == "query" && $0["required"] as? Bool == true }
                    if !required.isEmpty, m == .get {
                        try await client.execute(uri: uri, method: m) { #expect($0.status == .badRequest, "\(path) without \(required)") }
                    }
                }
            }
        }
    }

    @Test func pageIsServedFromTheBinary() async throws {
        let site = try Site()
        defer { site.remove() }
        try await site.app().test(.live) { client in
            try await client.execute(uri: "/", method: .get) { r in
                #expect(r.status == .ok && String(buffer: r.body).contains("<script src=\"/app.js\""))
                #expect(r.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
            }
            try await client.execute(uri: "/app.js", method: .get) { r in
                // Notice text goes in as text nodes: the page never assigns HTML.
                let js = String(buffer: r.body)
                #expect(js.contains("createTextNode") && !js.contains("innerHTML") && !js.contains("insertAdjacentHTML"))
            }
            try await client.execute(uri: "/style.css", method: .get) { #expect($0.headers[.contentType]?.hasPrefix("text/css") == true) }
        }
    }
}
