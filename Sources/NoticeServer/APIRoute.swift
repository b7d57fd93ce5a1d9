/// The API's routes in one table: the router registers them from it and the OpenAPI document
/// is generated from it, so the two cannot disagree.
struct APIRoute: Sendable {
    enum Method: String, Sendable { case get, post }

    struct Parameter: Sendable {
        enum Place: String, Sendable { case query, path }
        var name: String
        var place: Place
        var type: String     // "string" | "integer"
        var required: Bool
        var description: String
    }

    var method: Method
    /// As OpenAPI writes it: /api/units/{unit}.
    var path: String
    var summary: String
    var parameters: [Parameter]
    /// Status codes besides 200 this route answers, with why.
    var errors: [Int: String]

    /// The path as Hummingbird's router spells it (/api/units/:unit).
    var routerPath: String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { part in
            part.hasPrefix("{") && part.hasSuffix("}") ? ":" + part.dropFirst().dropLast() : String(part)
        }.joined(separator: "/")
    }

    static func q(_ name: String, _ description: String, type: String = "string", required: Bool = false) -> Parameter {
        Parameter(name: name, place: .query, type: type, required: required, description: description)
    }

    static func p(_ name: String, _ description: String) -> Parameter {
        Parameter(name: name, place: .path, type: "string", required: true, description: description)
    }

    static let filters: [Parameter] = [
        q("dept", "Only tasks of this unit (name, alias, Traditional or Simplified)."),
        q("role", "With dept: lead, support, responsible, inferred or any."),
        q("year", "Only notices of this work year.", type: "integer"),
        q("doc", "Only this notice (file name or stem)."),
        q("limit", "At most this many results (1–10000).", type: "integer"),
        q("exact", "true: only tasks whose text contains the query."),
    ]

    static let all: [APIRoute] = [
        APIRoute(method: .get, path: "/api/health", summary: "Index totals and whether import is allowed.", parameters: [], errors: [503: "no index"]),
        APIRoute(method: .get, path: "/api/search", summary: "Tasks matching a query (as `policydex search --json`).",
                 parameters: [q("q", "The query: words, \"phrases\", OR, -exclusions.", required: true)] + filters,
                 errors: [400: "missing or malformed query or parameter", 404: "unknown unit or notice"]),
        APIRoute(method: .get, path: "/api/who", summary: "Who leads the tasks a question is about (as `policydex who --json`).",
                 parameters: [q("q", "A question or topic: 谁牵头反诈.", required: true)] + filters,
                 errors: [400: "missing or malformed query or parameter", 404: "unknown unit or notice"]),
        APIRoute(method: .get, path: "/api/units", summary: "Every unit with aliases and task counts per role (as `policydex depts --json`).",
                 parameters: [], errors: [:]),
        APIRoute(method: .get, path: "/api/units/{unit}", summary: "The tasks of one unit (as `policydex dept UNIT --json`).",
                 parameters: [p("unit", "Canonical name or alias."), q("role", "lead, support, responsible, inferred or any."),
                              q("year", "Only notices of this work year.", type: "integer")],
                 errors: [400: "bad role or year", 404: "unknown unit"]),
        APIRoute(method: .get, path: "/api/notices", summary: "Every indexed notice, newest work year first.", parameters: [], errors: [:]),
        APIRoute(method: .get, path: "/api/notices/{doc}", summary: "A notice's metadata and outline with task ids (as `policydex show DOC --json`).",
                 parameters: [p("doc", "File name, relative path or stem.")], errors: [404: "unknown notice"]),
        APIRoute(method: .get, path: "/api/tasks/{id}", summary: "One task with its source lines (as `policydex show ID --json`).",
                 parameters: [p("id", "Task id: stem#n.")], errors: [404: "unknown task"]),
        APIRoute(method: .get, path: "/api/diff", summary: "What changed between two notices (as `policydex diff OLD NEW --json`); without old, against the previous edition of new's series.",
                 parameters: [q("new", "The later notice.", required: true), q("old", "The earlier notice (default: the previous edition)."),
                              q("all", "true: list unchanged pairs too.")],
                 errors: [400: "missing new", 404: "unknown notice, or no earlier edition"]),
        APIRoute(method: .post, path: "/api/import", summary: "Add a notice file (the request body) to the corpus, index it and diff it against its previous edition. Only when the server was started with --allow-import, and only from the page's own origin.",
                 parameters: [q("name", "The file's name, with its extension (.txt, .docx, .html, .pdf, .tsv …).", required: true)],
                 errors: [400: "missing name", 403: "import not allowed, or a cross-site request", 409: "a different file of that name exists",
                          413: "file too large", 422: "not a notice file type, or not a readable notice"]),
        APIRoute(method: .get, path: "/api/openapi.json", summary: "This document.", parameters: [], errors: [:]),
    ]
}
