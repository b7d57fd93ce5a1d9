import Foundation
import Hummingbird

/// The one page (HTML, CSS, plain JavaScript) served from the binary's resources: no CDN, no
/// build step, works offline.
enum WebPage {
    struct File: Sendable {
        var data: Data
        var type: String
    }

    static let files: [String: File] = {
        var out: [String: File] = [:]
        for (name, type) in [("index.html", "text/html; charset=utf-8"), ("app.js", "text/javascript; charset=utf-8"),
                             ("style.css", "text/css; charset=utf-8")] {
            if let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "web"),
               let data = try? Data(contentsOf: url) {
                out[name] = File(data: data, type: type)
            }
        }
        return out
    }()

    static func register(on router: Router<BasicRequestContext>) {
        router.get("/") { _, _ in serve("index.html") }
        router.get("/app.js") { _, _ in serve("app.js") }
        router.get("/style.css") { _, _ in serve("style.css") }
    }

    static func serve(_ name: String) -> Response {
        guard let f = files[name] else { return APIError.notFound("\(name) is missing from the binary's resources").response }
        var headers = HTTPFields()
        headers[.contentType] = f.type
        headers[.xContentTypeOptions] = "nosniff"
        // The page builds everything from text nodes; this forbids inline scripts and other origins besides.
        headers[.contentSecurityPolicy] = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
        headers[.cacheControl] = "no-cache"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: f.data)))
    }
}
