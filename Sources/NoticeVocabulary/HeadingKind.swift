/// What a bare heading (工作任务, 保障措施, 指导思想) says about the items under it.
public enum HeadingKind: Sendable, Equatable {
    /// Statements, not work: 指导思想, 总体目标, 发展目标 (SCHEMA: leave out).
    case notTasks
    /// Real but secondary work: phases, requirements, principles, guarantees (core = false).
    case secondary
    /// A part that holds the notice's tasks: 重点任务, 工作任务, 主要任务.
    case work
}
