using HyperCrm.Framework.Events;

namespace HyperCrm.Activities;

[EventName("activities.task.completed")]
public sealed record WorkTaskCompletedEto(Guid TaskId, LinkKind LinkKind, Guid? LinkId);
