import Foundation
import NoticeModel
import NoticeText
import NoticeVocabulary

/// One way a notice writes a quantitative target over one clause (see ../shared/eval/SCHEMA.md,
/// "Metrics").
typealias MetricRule = PatternRule<MetricClause, Metric>
