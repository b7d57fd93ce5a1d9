import Foundation
import NoticeModel
import NoticeText

/// One way a notice writes a time limit. Finding (the pattern) and interpreting (`TimePoint`,
/// `build`) stay two steps.
typealias DeadlineRule = PatternRule<DeadlineContext, Deadline>
