import Foundation
import Hummingbird
import NoticeIndex
import NoticeService

/// An error a client caused (or the server hit), answered as `{"error": "..."}` with its status:
/// never a stack trace or SQL text.
struct APIError: Error, Sendable {
    var status: HTTPResponse.Status
    var message: String

    static func badRequest(_ m: String) -> APIError { APIError(status: .badRequest, message: m) }
    static func notFound(_ m: String) -> APIError { APIError(status: .notFound, message: m) }

    /// The status and one-line message of any error a handler throws.
    static func from(_ error: Error) -> APIError {
        switch error {
        case let e as APIError: return e
        case let e as QueryError: return .badRequest("query: \(e.description)")
        case let e as IndexError:
            switch e {
            case .unknownUnit, .unknownDocument, .unknownTask: return .notFound(e.description)
            case .invalidArgument: return .badRequest(e.description)
            case .missingIndex, .newerSchema, .olderSchema, .unreadableIndex, .damagedIndex, .foreignDatabase:
                return APIError(status: .serviceUnavailable, message: e.description)
            }
        case let e as NoticeImporter.ImportError:
            switch e {
            case .badName, .unsupportedType, .notANotice: return APIError(status: .unprocessableContent, message: e.description)
            case .exists: return APIError(status: .conflict, message: e.description)
            case .cannotWrite: return APIError(status: .internalServerError, message: "cannot write the uploaded file into the corpus")
            }
        default:
            // Whatever it is, its text may hold paths or SQL: log it, answer plainly.
            FileHandle.standardError.write(Data("policydex serve: \(error)\n".utf8))
            return APIError(status: .internalServerError, message: "internal error; see the server's log")
        }
    }

    var response: Response {
        let body = (try? JSONSerialization.data(withJSONObject: ["error": message], options: [.sortedKeys])) ?? Data("{}".utf8)
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}
