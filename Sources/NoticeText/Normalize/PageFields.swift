import Foundation
import NoticeVocabulary

/// The information block and chrome of a government web page copied as text: `索引号: …`,
/// `发布机构: 广东省卫生健康委员会 文 号: 粤卫〔2021〕3号`, breadcrumbs `首页 > 政务公开 > …`.
public enum PageFields {
    /// A field key as written, spaces allowed between its characters (文  号, 索 引 号).
    private static let keyPattern: String = {
        let keys = GenreVocabulary.pageFields.sorted { $0.count > $1.count }
            .map { $0.map { String($0) }.joined(separator: "\\s*") }
        return "(?:" + keys.joined(separator: "|") + ")"
    }()
    private static let fieldStart = TextPattern("^\\s*[•·]?\\s*" + keyPattern + "\\s*[：:]", needsAny: "：:")
    private static let field = TextPattern("(?<key>" + keyPattern + ")\\s*[：:]\\s*(?<value>.*?)\\s*(?=(?:" + keyPattern + "\\s*[：:])|$)", needsAny: "：:")
    /// Page furniture, in two expressions: the lines it opens (ICU tries these at the start
    /// only) and the words it holds anywhere (ICU skips to their first characters). One
    /// expression of both kinds was tried at every position, every alternative at each.
    private static let chromeLine = TextPattern("^(?:[^，。,：:]{2,30}网$|[^，。,]{2,20}网\\s*[-—]{1,2}|导航菜单|网站支持IPv6|设为首页|加入收藏|无障碍|适老版|长辈版)",
                                                // each alternative holds one of these
                                                needsAny: "网菜首藏障版")
    private static let chromeWords = TextPattern("首页\\s*[>＞»]|[>＞»]\\s*正文|浏览次数|【字体|字号[：:]\\s*\\[|打印本页|关闭窗口",
                                                 needsAny: "首>＞»浏【[印窗")

    /// Whether a line opens with a page field (索引号: …).
    public static func startsField(_ line: String) -> Bool { fieldStart.contains(in: TextFolding.simplifiedKey(line)) }

    /// Whether a line is navigation or page furniture.
    public static func isChrome(_ line: String) -> Bool { chromeLine.contains(in: line) || chromeWords.contains(in: line) }

    /// The fields of a line: key (spaces removed) → value. Keys may be written without a colon
    /// when a run of spaces separates them (发布机构 区人民政府办公室 文    号 蔡政办〔2023〕1号).
    public static func fields(of line: String) -> [String: String] {
        // Keys match on the Simplified key (發布單位 is 发布单位); values are copied as written.
        let key = TextFolding.simplifiedKey(line)
        guard startsField(key) else { return [:] }
        var out: [String: String] = [:]
        for m in field.matches(in: key) {
            guard let name = m["key"]?.replacingOccurrences(of: " ", with: ""), m.range(named: "value").location != NSNotFound else { continue }
            let key = name
            let v = line.substring(utf16: m.range(named: "value")).trimmingWhitespace()
            if out[key] == nil, !v.isEmpty { out[key] = v }
        }
        return out
    }
}
