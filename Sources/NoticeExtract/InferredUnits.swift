import Foundation
import NoticeText
import NoticeVocabulary

/// Units the prose names as doing the work ("委安稳办要科学编制…", "X具体负责"): the subjects of
/// clauses. Used only when a task has no explicit responsibility, and reported as `inferred`.
struct InferredUnits {
    /// Unit names never contain the duty verbs that follow them (要, 应, 将 …). The word lists are
    /// alternations behind a first-character test (no word in a list begins another, so their
    /// order changes no match): this expression is tried at every clause of every task.
    private static let generic: String = {
        let alt = GenreVocabulary.alternation
        let nameCharacter = "[[\\p{Han}]--[要需须将对]]"
        let scope = alt(["委属", "局属", "院属", "区属", "市属", "县属", "机关", "委机关", "局机关", "全系统", "系统内", "市直", "区直", "县直", "委直属", "局直属", "全市", "全区"])
        let collective = alt(["单位", "科室", "处室", "部门", "机构", "医院", "科所", "站所"])
        let related = alt(["科室", "处室", "单位", "部门"])
        let body = alt(["卫生健康委", "卫健委", "卫生局", "领导小组", "办公室", "中心", "医院", "基地", "委员会", "科室", "处室", "党委", "党组", "党支部"])
        return "(?:" + scope + "?各(?:相关|级)?" + nameCharacter + "{0,8}?" + collective
            + "|(?:相关|有关)" + related
            + "|" + nameCharacter + "{0,30}?" + body
            + "|" + nameCharacter + "{1,30}?[科处办局股])"
    }()
    private static let follower = GenreVocabulary.alternation(["要", "应", "需", "须", "将", "在", "对", "于", "根据", "按照", "依据", "坚持", "建立", "负责", "具体负责", "统筹", "继续", "认真", "进一步", "立即", "及时", "接报", "核查", "是", "同志", "党政", "主要负责人", "每月", "每年", "每季度", "每半年", "严格", "切实", "全面", "积极", "定期", "组织", "做好", "加强", "落实", "开展", "会同", "联合", "共同"])
    private static let byUnit = TextPattern("由([^，,。；;由]{2,30}?)(?:具体)?负责(?:[。；;，,]|$)")
    private static let clauseBreaks = UnitSet("。；;，,：:\n".utf16)
    private static let excluded = TextPattern("^(?:事发|承办|涉事|有关单位|该|其|本|此)")

    let lexicon: UnitLexicon
    /// Clause-initial unit names followed by a verb of duty; compiled once per notice, since
    /// the notice's own unit names are part of it.
    let subject: TextPattern

    init(lexicon: UnitLexicon) {
        self.lexicon = lexicon
        // `alternation` puts them longest first, so a name wins over a name it begins (医政科室
        // over 医政科), in one fixed order (the compiled pattern is cached by its text).
        let known = lexicon.knownKeys.filter { $0.count >= 2 }
        let unit = "(?:" + (known.isEmpty ? "" : GenreVocabulary.alternation(Array(known)) + "|") + Self.generic + ")(?:[（(][\\p{Han}]{2,10}[）)])?"
        subject = TextPattern.cached("^(" + unit + "(?:[、和及与]" + unit + ")*)" + Self.follower)
    }

    func subjects(in text: String) -> [String] {
        let key = TextFolding.simplifiedKey(text)
        let keyNS = key as NSString
        var starts = [0]
        for offset in key.utf16Offsets(ofAny: Self.clauseBreaks) { starts.append(offset + 1) }
        var out: [String] = []
        // "此项工作由办公室负责": the prose names who does it.
        for m in Self.byUnit.matches(in: key) {
            let name = UnitNames.clean(text.substring(utf16: m.ranges[1]))
            if UnitNames.looksLikeUnit(name, known: lexicon.knownKeys) {
                let resolved = lexicon.resolve(name)
                if !out.contains(resolved) { out.append(resolved) }
            }
        }
        let prepared = TextPattern.Prepared(key)
        for s in starts where s < keyNS.length {
            let rest = NSRange(location: s, length: keyNS.length - s)
            guard let m = subject.firstMatch(in: prepared, range: rest, anchored: true) else { continue }
            let list = text.substring(utf16: m.ranges[1])
            for name in Self.splitSubjects(list) where !Self.excluded.contains(in: TextFolding.simplifiedKey(name)) {
                let resolved = lexicon.resolve(name)
                if !out.contains(resolved) { out.append(resolved) }
            }
        }
        return out
    }

    private static let joiner = TextPattern("[、和及与](?![^（(]*[）)])")

    private static func splitSubjects(_ list: String) -> [String] {
        // Split on 、和及与 outside parentheses, but keep names that contain 与 (人口监测与家庭发展科)
        // when the left part does not look like a unit by itself.
        var parts: [String] = []
        var current = ""
        var depth = 0
        for ch in list {
            if ch == "（" || ch == "(" { depth += 1 }
            if ch == "）" || ch == ")" { depth -= 1 }
            if depth == 0, "、和及与".contains(ch), UnitNames.looksLikeUnit(UnitNames.withoutTrailingParenthetical(current)) {
                parts.append(current)
                current = ""
            } else {
                current.append(ch)
            }
        }
        if !current.isEmpty { parts.append(current) }
        return parts.map(UnitNames.clean).filter { !$0.isEmpty }
    }
}
