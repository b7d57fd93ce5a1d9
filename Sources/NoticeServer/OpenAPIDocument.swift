import Foundation

/// The OpenAPI 3 document of `APIRoute.all`.
enum OpenAPIDocument {
    static func json() -> Data {
        var paths: [String: Any] = [:]
        for r in APIRoute.all {
            var responses: [String: Any] = ["200": ["description": "OK", "content": ["application/json": ["schema": ["type": "object"]]]]]
            for (code, why) in r.errors {
                responses[String(code)] = ["description": why, "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]]]
            }
            var op: [String: Any] = [
                "summary": r.summary,
                "operationId": r.method.rawValue + r.path.replacingOccurrences(of: "/api/", with: "_").replacingOccurrences(of: "{", with: "").replacingOccurrences(of: "}", with: "").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: ".", with: "_"),
                "parameters": r.parameters.map { p in
                    ["name": p.name, "in": p.place.rawValue, "required": p.required, "description": p.description, "schema": ["type": p.type]] as [String: Any]
                },
                "responses": responses,
            ]
            if r.method == .post {
                op["requestBody"] = ["required": true, "content": ["application/octet-stream": ["schema": ["type": "string", "format": "binary"]]]]
            }
            var item = paths[r.path] as? [String: Any] ?? [:]
            item[r.method.rawValue] = op
            paths[r.path] = item
        }
        let doc: [String: Any] = [
            "openapi": "3.0.3",
            "info": ["title": "policydex", "version": "1", "description": "Task catalog of policy notices: who leads what, by when."],
            "paths": paths,
            "components": ["schemas": ["Error": ["type": "object", "required": ["error"], "properties": ["error": ["type": "string"]]]]],
        ]
        return (try? JSONSerialization.data(withJSONObject: doc, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])) ?? Data()
    }
}
