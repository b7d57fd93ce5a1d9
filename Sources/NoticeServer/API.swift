import Foundation
import Hummingbird
import NoticeDiff
import NoticeIndex
import NoticeModel
import NoticeService
import NoticeVocabulary

/// The handlers of `APIRoute.all`: each reads its parameters, calls the same library the CLI
/// calls, and answers its JSON.
struct API: Sendable {
    let config: ServerConfiguration
    let store: IndexStore
    let search: Search
    /// One import at a time (they write the corpus folder and the index).
    let importLock = NSLock()
    let cache = AnswerCache()

    init(_ config: ServerConfiguration) throws {
        self.config = config
        store = try IndexStore(path: config.indexPath, concurrentReads: true)
        search = Search(store: store, thesaurus: (try? Thesaurus.forCorpus(at: config.corpus)) ?? Thesaurus())
    }

    func register(on router: Router<BasicRequestContext>) {
        router.add(middleware: APIMissMiddleware())
        for route in APIRoute.all {
            let handler = self.handler(for: route.path)
            let cacheable = route.method == .get
            let respond: @Sendable (Request, BasicRequestContext) async throws -> Response = { request, context in
                do {
                    guard cacheable else { return Self.response(try await handler(request, context)) }
                    let key = request.uri.description
                    let generation = try await blocking { try store.generation() }
                    return Self.response(try await cache.answer(key, generation: generation) { try await handler(request, context) })
                } catch {
                    return APIError.from(error).response
                }
            }
            switch route.method {
            case .get: router.get(RouterPath(route.routerPath), use: respond)
            case .post: router.post(RouterPath(route.routerPath), use: respond)
            }
        }
    }

    /// A path or method under /api that no route serves is a JSON 404 like every other API error,
    /// not the router's plain one.
    struct APIMissMiddleware: RouterMiddleware {
        func handle(_ request: Request, context: BasicRequestContext, next: (Request, BasicRequestContext) async throws -> Response) async throws -> Response {
            do {
                return try await next(request, context)
            } catch let e as HTTPError where request.uri.path.hasPrefix("/api") {
                return APIError(status: e.status, message: e.status == .notFound
                    ? "no such API route: \(request.method) \(request.uri.path) (see /api/openapi.json)" : e.body ?? "\(e.status)").response
            }
        }
    }

    typealias Handler = @Sendable (Request, BasicRequestContext) async throws -> Answer

    func handler(for path: String) -> Handler {
        switch path {
        case "/api/health": return { _, _ in try await blocking { try json(health()) } }
        case "/api/search": return { r, _ in try await blocking { try json(runSearch(r, defaultLimit: 20)) } }
        case "/api/who": return { r, _ in try await blocking { try json(runSearch(r, defaultLimit: 5)) } }
        case "/api/units": return { _, _ in try await blocking { try json(UnitDirectory(store: store).all()) } }
        case "/api/units/{unit}": return { r, c in
            let unit = try pathParameter("unit", c)
            return try await blocking { try json(units(unit, r)) }
        }
        case "/api/notices": return { _, _ in try await blocking { try json(NoticeListing.all(in: store)) } }
        case "/api/notices/{doc}": return { _, c in
            let doc = try pathParameter("doc", c)
            return try await blocking {
                guard case .notice(let n) = try NoticeLookup(store: store).show(doc), !doc.contains("#") else {
                    throw APIError.notFound("no notice '\(doc)' (a task id? use /api/tasks/)")
                }
                return try json(n)
            }
        }
        case "/api/tasks/{id}": return { _, c in
            let id = try pathParameter("id", c)
            return try await blocking {
                guard id.contains("#"), case .task(let details) = try NoticeLookup(store: store).show(id), let first = details.first else {
                    throw APIError.notFound("no task '\(id)' (task ids look like 000_e2eba855e6b0ece5#7)")
                }
                return try json(first)
            }
        }
        case "/api/diff": return { r, _ in try await blocking { try json(diff(r)) } }
        case "/api/import": return { r, c in try await importNotice(r, c) }
        case "/api/openapi.json": return { _, _ in Answer(body: ByteBuffer(bytes: OpenAPIDocument.json()), type: "application/json; charset=utf-8") }
        default: return { _, _ in throw APIError.notFound("no handler") }
        }
    }

    // MARK: - Handlers

    struct Health: Encodable {
        var status = "ok"
        var notices: Int
        var tasks: Int
        var allowImport: Bool
        enum CodingKeys: String, CodingKey { case status, notices, tasks, allowImport = "allow_import" }
    }

    func health() throws -> Health {
        let notices = try NoticeListing.all(in: store)
        return Health(notices: notices.count, tasks: notices.reduce(0) { $0 + $1.tasks }, allowImport: config.allowImport)
    }

    func runSearch(_ r: Request, defaultLimit: Int) throws -> SearchResult {
        let p = r.uri.queryParameters
        guard let q = p["q"].map(String.init), !q.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw APIError.badRequest("q: give a query (e.g. /api/search?q=反诈)")
        }
        var f = SearchFilters(dept: p["dept"].map(String.init), role: try role(p["role"]), year: try integer("year", p["year"]),
                              doc: p["doc"].map(String.init), limit: try limit(p["limit"], default: defaultLimit),
                              highlight: ("<mark>", "</mark>"))
        if f.role != nil, f.dept == nil { throw APIError.badRequest("role needs dept (the unit whose role it is)") }
        f.exactOnly = try flag("exact", p["exact"])
        return try search.run(q, filters: f)
    }

    func units(_ unit: String, _ r: Request) throws -> DeptResult {
        let p = r.uri.queryParameters
        return try UnitDirectory(store: store).tasks(of: unit, role: try role(p["role"]), year: try integer("year", p["year"]),
                                                     highlight: ("<mark>", "</mark>"))
    }

    func diff(_ r: Request) throws -> NoticeImporter.EditionDiff {
        let p = r.uri.queryParameters
        guard let new = p["new"].map(String.init), !new.isEmpty else { throw APIError.badRequest("new: name the later notice") }
        let all = try flag("all", p["all"])
        let lookup = NoticeLookup(store: store)
        let newNotice = try lookup.notice(new)
        let options = NoticeDiffOptions(includeUnchanged: all)
        if let old = p["old"].map(String.init), !old.isEmpty {
            let report = try IndexedDiff.diff(old: try lookup.notice(old), new: newNotice, options: options, store: store, corpus: config.corpus)
            return NoticeImporter.EditionDiff(baseline: report.old.file, reason: "chosen", sure: true, others: [], report: report)
        }
        guard let edition = try lookup.previousEdition(of: new) else {
            throw APIError.notFound("no earlier edition of \(newNotice.file) in the index (same issuer, earlier year); name one with old=")
        }
        let report = try IndexedDiff.diff(old: try lookup.notice(edition.file), new: newNotice, options: options, store: store, corpus: config.corpus)
        return NoticeImporter.EditionDiff(baseline: edition.file, reason: edition.reason, sure: edition.sure, others: edition.others, report: report)
    }

    struct Imported: Encodable {
        var file: String
        var status: String
        var notice: NoticeOutline?
        var diff: NoticeImporter.EditionDiff?
        var note: String?
    }

    func importNotice(_ r: Request, _ context: BasicRequestContext) async throws -> Answer {
        guard config.allowImport else {
            throw APIError(status: .forbidden, message: "import is off: start the server with --allow-import to add notices from the page")
        }
        try checkSameOrigin(r)
        guard let raw = r.uri.queryParameters["name"].map(String.init), !raw.isEmpty else {
            throw APIError.badRequest("name: give the file's name with its extension")
        }
        let name = try NoticeImporter.checkedName(raw)
        if let length = r.headers[.contentLength].flatMap({ Int($0) }), length > config.maxUpload {
            throw APIError(status: .contentTooLarge, message: "file too large (\(length) bytes; at most \(config.maxUpload))")
        }
        var request = r
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: config.maxUpload)
        } catch {
            throw APIError(status: .contentTooLarge, message: "file too large (at most \(config.maxUpload) bytes)")
        }
        guard body.readableBytes > 0 else { throw APIError(status: .unprocessableContent, message: "\(name): the file is empty") }
        let data = Data(body.readableBytesView)
        return try await blocking {
            importLock.lock()
            defer { importLock.unlock() }
            // And one writer across processes (an `index` run in a terminal meanwhile).
            let writer = try WriterLock(indexPath: config.indexPath)
            defer { withExtendedLifetime(writer) {} }
            let added = try NoticeImporter.add(name: name, data: data, corpus: config.corpus)
            let (_, rejected) = try NoticeImporter.index(corpus: config.corpus, into: store, added: added == .written ? [name] : [])
            if let reason = rejected[name] { throw NoticeImporter.ImportError.notANotice(name: name, reason: reason) }
            guard case .notice(let outline) = try NoticeLookup(store: store).show(name) else { throw APIError.notFound(name) }
            let edition = try NoticeImporter.diffWithPrevious(name, store: store, corpus: config.corpus)
            return try json(Imported(file: name, status: added == .written ? "imported" : "already in the corpus (identical)",
                                     notice: outline, diff: edition,
                                     note: edition == nil ? "no earlier edition of this notice in the index: nothing to diff" : nil))
        }
    }

    /// A request that changes something must come from this server's own page: its Origin (or,
    /// without one, its Referer) must name the host the request was sent to.
    func checkSameOrigin(_ r: Request) throws {
        guard let host = r.head.authority else { throw APIError(status: .forbidden, message: "no Host header") }
        let origin = r.headers[.origin] ?? r.headers[.referer]
        guard let origin, let url = URL(string: origin), let originHost = url.host else {
            throw APIError(status: .forbidden, message: "cross-site request refused: no Origin header")
        }
        let originAuthority = originHost + (url.port.map { ":\($0)" } ?? "")
        guard originAuthority == host || (url.port == nil && host.hasPrefix(originHost + ":80")) else {
            throw APIError(status: .forbidden, message: "cross-site request refused: Origin \(origin) is not this server (\(host))")
        }
    }

    // MARK: - Parameters

    func pathParameter(_ name: String, _ c: BasicRequestContext) throws -> String {
        guard let v = c.parameters.get(name), !v.isEmpty else { throw APIError.badRequest("\(name): missing") }
        return v.removingPercentEncoding ?? v
    }

    func role(_ v: Substring?) throws -> SearchFilters.Role? {
        guard let v else { return nil }
        guard let r = SearchFilters.Role(rawValue: v.lowercased()) else {
            throw APIError.badRequest("role: unknown role '\(v)' (use lead, support, responsible, inferred or any)")
        }
        return r
    }

    func integer(_ name: String, _ v: Substring?) throws -> Int? {
        guard let v else { return nil }
        guard let n = Int(v) else { throw APIError.badRequest("\(name): '\(v)' is not a whole number") }
        return n
    }

    static let maxLimit = 10_000

    func limit(_ v: Substring?, default d: Int) throws -> Int {
        guard let n = try integer("limit", v) else { return d }
        guard (1...Self.maxLimit).contains(n) else { throw APIError.badRequest("limit: must be between 1 and \(Self.maxLimit)") }
        return n
    }

    func flag(_ name: String, _ v: Substring?) throws -> Bool {
        switch v?.lowercased() {
        case nil, "false", "0": return false
        case "true", "1", "": return true
        default: throw APIError.badRequest("\(name): use true or false")
        }
    }

    // MARK: - Answers

    /// A JSON or document answer, before it becomes a response (so it can be cached).
    struct Answer: Sendable {
        var body: ByteBuffer
        var type: String
    }

    func json<T: Encodable>(_ value: T) throws -> Answer {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Answer(body: ByteBuffer(bytes: try encoder.encode(value)), type: "application/json; charset=utf-8")
    }

    static func response(_ a: Answer) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = a.type
        headers[.cacheControl] = "no-store"
        headers[.xContentTypeOptions] = "nosniff"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: a.body))
    }
}

/// SQLite reads block: they run on Dispatch's threads, not on the server's event loops or the
/// cooperative pool, so a slow query never stalls other connections.
func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async {
            continuation.resume(with: Result { try body() })
        }
    }
}
