import Foundation
import NoticeModel

/// The genre's words, in one home. Every stage that recognises a label, a heading, a collective,
/// an issuer prefix, an organisation suffix or a period reads it from here: adding a word is one
/// line in one of these tables, and each consumer builds its patterns from them.
public enum GenreVocabulary {
    // MARK: responsibility labels

    /// Label stems and the role they give. A stem with `needsBody` is a label only with a body word
    /// after it (负责部门： is a label, 负责： is not). Longer stems first where one contains another.
    public static let labelStems: [(stem: String, role: LabelRole, needsBody: Bool)] = [
        ("牵头", .lead, false),
        ("主办", .lead, false),
        ("主责", .lead, false),
        ("主要负责", .lead, true),
        ("配合", .support, false),
        ("协办", .support, false),
        ("协作", .support, false),
        ("协同", .support, false),
        ("协助", .support, false),
        ("参与", .support, false),
        ("参加", .support, true),
        ("责任", .responsible, false),
        ("负责", .responsible, true),
        ("落实", .responsible, true),
        ("实施", .responsible, true),
        ("承办", .responsible, true),
        ("承担", .responsible, true),
        ("主体", .responsible, true),
        ("部门分工", .responsible, false),
        ("任务分工", .responsible, false),
        ("职责分工", .responsible, false),
    ]

    /// What a label's stem may be followed by: the kind of body it names (牵头单位, 落实科室).
    public static let labelBodies = ["单位", "部门", "处室", "科室", "股室", "机构", "主体", "科所"]

    /// The body words that name an office (not 机构 or 主体, which are also topics: 托育机构).
    public static let departmentBodies = ["单位", "部门", "处室", "科室", "股室"]

    /// Labels naming people, never units.
    public static let peopleFields = ["责任领导", "牵头领导", "分管领导", "主要领导", "联系领导", "包保领导", "责任人", "联系人", "经办人", "负责人"]

    /// Other fields written beside a unit list; each ends it.
    public static let otherFields = [
        "完成时限", "完成时间", "完成期限", "时间节点", "时间要求", "时限要求", "时限", "进度安排", "联系电话",
        "工作目标", "目标任务", "工作要求", "工作措施", "备注", "适用范围", "适用对象", "实施范围", "具体要求",
        "工作内容", "评价标准", "考核标准", "监督方式", "监督电话", "进展情况",
    ]

    /// Fields holding a time limit.
    public static let timeFields = ["完成时限", "完成时间", "完成期限", "时间节点", "时间要求", "时限要求", "时限"]

    /// A note that qualifies a unit inside a list and marks it as the lead: 医政科（牵头）.
    public static let leadMarks = ["（牵头）", "(牵头)", "（牵头单位）", "(牵头单位)", "（牵头部门）", "(牵头部门)"]

    /// The role a label gives, judged on its Simplified key without the colon: 牵头责任单位 → lead.
    public static func role(ofLabel label: String) -> LabelRole? {
        if peopleFields.contains(label) || label.hasSuffix("领导") || label.hasSuffix("负责人") { return .person }
        if otherFields.contains(label) { return .otherField }
        let core = label.hasPrefix("主要") && label.count > 2 && role(ofLabel: String(label.dropFirst(2))) != nil
            ? String(label.dropFirst(2)) : label
        for entry in labelStems where core.hasPrefix(entry.stem) {
            let rest = core.dropFirst(entry.stem.count)
            if entry.needsBody && rest.isEmpty { continue }
            return entry.role
        }
        return nil
    }

    /// The ICU pattern (no groups) of one label word: 牵头单位, 主要协作单位, 责任单位（部门）, 负责部门.
    public static var labelWordPattern: String { labelWord.pattern }

    /// The longest text `labelWordPattern` matches, in UTF-16 units (all its words are BMP).
    public static var labelWordMaxLength: Int { labelWord.maxLength }

    /// The label word's pattern and its longest match, built from the same pieces.
    private static let labelWord: (pattern: String, maxLength: Int) = {
        let free = labelStems.filter { !$0.needsBody }.map(\.stem)
        let bound = labelStems.filter(\.needsBody).map(\.stem)
        let fields = otherFields + peopleFields
        let chief = "主要", duty = "责任"
        // People fields beyond the listed ones: 主管领导, 分管县领导, 包联领导 (the role reads the ending).
        let peopleLead = 3, peopleEnds = ["领导", "负责人"]
        let people = "[\\p{Han}]{1,\(peopleLead)}" + alternation(peopleEnds)
        let pattern = "(?:\(alternation(fields))|(?:\(chief))?\(alternation(free))(?:\(duty))?\(alternation(labelBodies))?"
            + "|(?:\(chief))?\(alternation(bound))(?:\(duty))?\(alternation(labelBodies))|\(people))"
        func longest(_ words: [String]) -> Int { words.map(\.utf16.count).max() ?? 0 }
        let maxLength = max(longest(fields),
                            chief.utf16.count + longest(free + bound) + duty.utf16.count + longest(labelBodies),
                            peopleLead + longest(peopleEnds))
        return (pattern, maxLength)
    }()

    // MARK: verbal responsibility

    /// A target's direction without a number (提高知晓率, 案件数量双降低): up, and down.
    public static let raisingVerbs = ["提高", "提升", "扩大", "增加"]
    public static let loweringVerbs = ["双降低", "双下降", "降低", "下降", "减少", "压降"]
    /// Verbs of a change by a number (增长8%以上, 下降5%, 提高到95%), either way.
    public static let changeByNumberVerbs = ["提高", "提升", "增长", "增加", "降低", "下降", "减少", "压降"]

    /// Words after a unit list that make it the lead: X牵头.
    public static let leadVerbs = ["牵头负责", "牵头实施", "牵头"]
    /// Words after a unit list that make it support, once a lead is named: Y配合.
    public static let supportVerbs = ["按职责分工负责", "按照职责分工负责", "按职责负责", "按各自职责负责", "分工负责", "负责配合",
                                      "共同配合", "配合实施", "等配合", "配合", "参与", "协助", "协同", "共同负责", "按职责分工落实"]
    /// Words after a unit list that make it responsible with no lead: X、Y按职责分工负责.
    public static let sharedDutyVerbs = ["按职责分工负责", "按照职责分工负责", "按职责负责", "按各自职责负责", "分工负责", "共同负责",
                                         "按职责分工落实", "按职责落实", "按照职责分工落实"]
    /// A legend after a list that says its first unit leads, and that later lists read the same way.
    public static let firstLeadsLegends = ["排在第一位的部门为牵头部门", "排在第一位的为牵头部门", "排在第一位的单位为牵头单位",
                                           "排在第一位的为牵头单位", "排名第一的为牵头单位", "排名第一的为牵头部门",
                                           "列第一位的为牵头单位", "第一个为牵头单位", "第一个为牵头部门", "排在首位的为牵头单位",
                                           "排在首位的为牵头部门"]

    // MARK: units

    /// Endings of the names of bodies in this genre (科, 处, 局, 中心, 领导小组, 卫生院 …).
    public static let organisationSuffixes = [
        "科", "处", "室", "办", "局", "委", "院", "中心", "部", "组", "队", "站", "所", "会", "厅", "司", "馆", "团", "单位",
        "机构", "部门", "政府", "党委", "党组", "支部", "街道", "镇", "乡", "公司", "集团", "基地", "支队", "大队", "委员会",
        "办公室", "小组", "社区", "科室", "处室", "机关", "医院", "分局", "卫生院", "学校", "协会", "联社", "专班", "法院",
        "检察院", "股", "股室", "总局", "总署", "银行", "管委会", "工委", "团委", "妇联", "残联", "工会", "科协", "侨联", "文联",
        "办事处", "人民政府", "署", "园区", "指挥部", "总队", "中央", "科协", "支行", "分行", "开发区", "高新区",
        "示范区", "新区", "试验区", "保税区", "自贸区",
    ]
    /// Suffixes on which two names glued without a separator may be split (区市场监管局区司法局):
    /// only ones that never occur inside a name.
    public static let gluedNameEnds = ["局", "委", "办", "院", "中心", "政府", "公司", "分局", "管委会", "总局", "总署", "街道办事处", "办事处"]
    /// What a glued name starts with: a place level that begins the next name.
    public static let placeStarts = ["区", "市", "县", "镇", "乡", "省", "街道"]

    /// Marks of a collective entry (各单位, 委属各单位, 有关部门, 相关处室, 全系统各单位).
    public static let collectiveMarks = ["各", "相关", "有关", "全系统"]
    /// A tail after a unit that stands for others: 医政科等有关部门 = 医政科 + 有关部门.
    public static let othersTails = ["等有关单位", "等有关部门", "等相关单位", "等相关部门", "等单位", "等部门"]

    /// Short and full forms of the same body across notices (县医保局 / 医疗保障局).
    public static let unitAbbreviations: [(short: String, full: String)] = [
        ("医保", "医疗保障"), ("卫健", "卫生健康"), ("发改", "发展改革"), ("人社", "人力资源社会保障"),
        ("住建", "住房城乡建设"), ("市监", "市场监管"), ("教体", "教育体育"), ("文旅", "文化旅游"),
        ("文广旅", "文化广电旅游"), ("自然资源", "国土资源"), ("农业农村", "农业"), ("网信", "网络安全和信息化"),
    ]
    /// Levels a name may start with (县医保局, 区卫健委).
    public static let levelPrefixes = ["省", "市", "州", "县", "区", "旗", "镇", "乡"]
    /// Words of a body's kind that come before its ending (武进|人民|医院, 某区|妇幼保健|院): what is
    /// left of a name once they go is its place or proper name.
    public static let bodyKindWords = ["人民", "卫生健康", "卫生计生", "卫生", "健康", "计生", "中医", "妇幼保健", "疾病预防控制",
                                       "政府", "第一", "第二", "第三"]

    /// How an issuer names itself before one of its own departments: 委安稳办 is 安稳办.
    public static let issuerPrefixes = ["本委", "我委", "委", "本局", "我局", "局", "我院", "院"]

    /// Phrases in a unit cell or list that end the names: 按职责分工落实, 会同 joins two names.
    public static let unitJoiners = ["会同", "会"]

    /// Verbs and particles a defined name follows (成立……领导小组（以下简称……）): the long form of
    /// an alias starts after the last of them.
    public static let wordsBeforeAName = [
        "成立", "设立", "组建", "由", "向", "在", "和", "与", "及", "对", "将", "把", "从", "经", "给", "负责",
        "报告", "报送", "报", "会同", "联合", "配合", "协助", "同", "是", "为", "即", "的"]

    /// The subject of a clause that names who does the work (委安稳办要…, 各相关科室要…): the
    /// words `InferredUnits` builds it from.
    public enum ClauseSubject {
        /// What may come before 各 in a collective: 委属各单位, 机关各科室, 全市各医院.
        public static let scopes = ["委属", "局属", "院属", "区属", "市属", "县属", "机关", "委机关", "局机关", "全系统", "系统内",
                                    "市直", "区直", "县直", "委直属", "局直属", "全市", "全区"]
        /// What a collective after 各 ends with.
        public static let collectiveBodies = ["单位", "科室", "处室", "部门", "机构", "医院", "科所", "站所"]
        /// What 相关 / 有关 name: 相关科室.
        public static let relatedBodies = ["科室", "处室", "单位", "部门"]
        /// Endings of a named body: 卫健委, 领导小组, 办公室, 党支部.
        public static let namedBodies = ["卫生健康委", "卫健委", "卫生局", "领导小组", "办公室", "中心", "医院", "基地", "委员会",
                                         "科室", "处室", "党委", "党组", "党支部"]
        /// One-character endings of a department's name.
        public static let departmentEnds = "科处办局股"
        /// Characters a name never holds, being the duty words that follow it (要, 需, 将 …).
        public static let dutyCharacters = "要需须将对"
        /// Words that follow the subject: duty verbs, adverbs, times.
        public static let followers = ["要", "应", "需", "须", "将", "在", "对", "于", "根据", "按照", "依据", "坚持", "建立", "负责",
                                       "具体负责", "统筹", "继续", "认真", "进一步", "立即", "及时", "接报", "核查", "是", "同志",
                                       "党政", "主要负责人", "每月", "每年", "每季度", "每半年", "严格", "切实", "全面", "积极",
                                       "定期", "组织", "做好", "加强", "落实", "开展", "会同", "联合", "共同"]
    }

    // MARK: headings

    /// Bare headings and what they say about the items below (matched at the start of a heading).
    public static let headings: [(word: String, kind: HeadingKind)] = [
        ("指导思想", .notTasks), ("总体思路", .notTasks), ("总体目标", .notTasks), ("工作目标", .notTasks),
        ("主要目标", .notTasks), ("发展目标", .notTasks), ("目标要求", .notTasks), ("目标任务", .notTasks),
        ("基本情况", .notTasks), ("背景", .notTasks), ("总体要求", .secondary), ("工作思路", .notTasks),
        ("总体思路和目标", .notTasks), ("整治范围", .notTasks), ("适用范围", .notTasks),
        ("实施范围", .notTasks), ("工作范围", .notTasks), ("检查范围", .notTasks), ("基本原则", .secondary),
        ("实施步骤", .secondary), ("方法步骤", .secondary), ("工作步骤", .secondary), ("步骤安排", .secondary),
        ("时间安排", .secondary), ("进度安排", .secondary), ("实施安排", .secondary), ("工作要求", .secondary),
        ("有关要求", .secondary), ("保障措施", .secondary), ("工作保障", .secondary), ("组织保障", .secondary),
        ("组织领导", .secondary), ("组织实施", .secondary), ("工作原则", .secondary), ("考核评估", .secondary),
        ("督导考核", .secondary), ("监督考核", .secondary), ("强化保障", .secondary),
        ("重点任务", .work), ("工作任务", .work), ("主要任务", .work), ("工作重点", .work), ("重点工作", .work),
        ("主要内容", .work), ("工作内容", .work), ("工作措施", .work), ("主要措施", .work), ("具体措施", .work),
        ("任务分工", .work), ("责任分工", .work), ("职责分工", .work), ("工作机制", .work),
    ]

    /// Parts that are no task when written as a paragraph without items (组织领导。各单位要…):
    /// they frame the work; their numbered items, if any, are secondary tasks.
    public static let frameHeadings = ["总体要求", "组织领导", "保障措施", "工作保障", "组织保障", "强化保障", "保障机制"]

    /// The kind of a heading, by its first words (保障措施。… / 组织领导：…).
    public static func headingKind(_ heading: String) -> HeadingKind? {
        for h in headings where heading.hasPrefix(h.word) {
            let rest = heading.dropFirst(h.word.count)
            if rest.isEmpty || "。：:，,".contains(rest.first!) { return h.kind }
        }
        return nil
    }

    /// Endings of a document title (通知, 方案, 要点, 台账 …).
    public static let titleEndings = ["通知", "方案", "要点", "意见", "办法", "规定", "细则", "计划", "规划", "安排", "清单",
                                      "总表", "一览表", "计划表", "分解表", "台账", "决定", "通报", "函", "纪要", "机制", "文件", "任务分解",
                                      "责任分解", "分工", "汇总表", "措施", "要点分工", "责任清单"]

    /// The wrapping of a title that changes from one edition to the next (关于印发《…》的通知, 2024年度).
    public static let titleWrapping = ["关于印发", "关于", "的通知", "通知", "《", "》", "印发", "年度", "年"]
    /// The genre words of a title, which an office changes between editions (实施方案 one year, 工作要点 the next).
    public static let titleGenreWords = ["工作实施方案", "实施方案", "工作要点", "工作方案", "方案", "要点", "任务分工", "工作"]
    /// Names of one programme that an issuer's yearly notices use in turn (平安建设 one year,
    /// 平安法治建设 or 安全稳定 the next).
    public static let programmeVariants = ["平安法治建设", "平安建设", "安全稳定", "维稳安保", "平安法治"]

    /// Fields of a government web page's information block (索引号: … 发布机构: … 文号: …) and its
    /// chrome; each starts a paragraph of its own and is never part of the notice's text.
    public static let pageFields = [
        "索引号", "发布机构", "发布单位", "发文机关", "文号", "发文字号", "文件编号", "发文时间", "公开方式", "公开时限", "成文日期", "发文日期", "发布日期", "发布时间", "公开日期",
        "名称", "标题", "来源", "信息来源", "文章来源", "分类", "主题分类", "组配分类", "体裁分类", "浏览次数", "浏览量",
        "点击数", "字体", "字号", "关键词", "主题词", "有效性", "废止日期", "生效日期", "生成日期", "责任编辑", "编辑",
        "日期", "当前位置", "您当前的位置", "您现在所在的位置", "您的位置", "所属机构", "公文种类", "时效",
    ]
    /// Contact and notice-board lines after the last task: never part of it.
    public static let footerFields = ["联系人", "联系电话", "电话", "传真", "邮箱", "电子邮箱", "地址", "邮编", "邮政编码",
                                      "公示时间", "公示期", "公示期限", "监督电话", "监督方式", "举报电话", "咨询电话"]

    /// The fields whose value is the 成文日期 (a publication time is not).
    public static let writtenDateFields = ["成文日期", "发文日期"]
    /// The fields naming the issuer, in order of trust.
    public static let issuerFields = ["发布机构", "发布单位", "发文机关", "所属机构", "文章来源", "信息来源", "来源"]
    /// The fields holding the 文号.
    public static let numberFields = ["文号", "发文字号", "文件编号"]

    // MARK: numbers and time

    /// Chinese numeral characters as written in counts, dates and item numbers (一 … 万, 两, 〇).
    public static let numeralCharacters = "一二两三四五六七八九十百千万〇零"

    /// Period words and the period they name (每年 → year; 年内 is the period of a target).
    public static let periodWords: [(word: String, period: Deadline.Period)] = [
        ("每半年", .halfYear), ("每季度", .quarter), ("每季", .quarter), ("每个月", .month), ("每月", .month),
        ("每周", .week), ("每日", .day), ("每天", .day), ("每年", .year), ("年度内", .year), ("年内", .year), ("全年", .year),
    ]

    /// Time limits that say "open-ended" when written as the limit (a column, or after 完成时限：).
    public static let ongoingLimits = ["长期坚持", "长期推进", "长期开展", "长期执行", "长期", "持续推进", "持续开展", "持续",
                                       "常态化推进", "常态化开展", "常态化", "常年", "经常性", "日常"]

    // MARK: helpers

    /// Characters of which every one of `words` holds at least one (a prefilter for an alternation
    /// of them, `TextPattern.needsAny`): a character they all share if there is one, else each
    /// word's last character.
    public static func characters(heldByEach words: [String]) -> String {
        if let shared = words.dropFirst().reduce(Set(words.first ?? ""), { $0.intersection($1) }).sorted().first {
            return String(shared)
        }
        return String(Set(words.compactMap(\.last)).sorted())
    }

    /// An ICU alternation of literal words, longest first (so 牵头单位 wins over 牵头), behind a
    /// lookahead for their first characters: ICU tries every alternative at every position it
    /// reaches, and one set test turns most positions away (the label words: 0.47 → 0.19 s at 1,000
    /// notices; all expressions 3.3 → 2.6 s).
    public static func alternation(_ words: [String]) -> String {
        let sorted = Array(Set(words)).sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
        let body = "(?:" + sorted.map(NSRegularExpression.escapedPattern(for:)).joined(separator: "|") + ")"
        guard !sorted.isEmpty, !sorted.contains(where: \.isEmpty) else { return body }
        let set = Set(sorted.compactMap(\.unicodeScalars.first)).sorted { $0.value < $1.value }.map { "\\x{" + String($0.value, radix: 16) + "}" }.joined()
        return "(?:(?=[" + set + "])" + body + ")"
    }
}

