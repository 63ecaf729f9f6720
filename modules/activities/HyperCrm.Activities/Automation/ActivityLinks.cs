using HyperCrm.Automation.Catalog;

namespace HyperCrm.Activities.Automation;

internal static class ActivityLinks
{
    public static (LinkKind Kind, Guid? Id) Of(ActionContext context) => context.SubjectKind switch
    {
        "order" => (LinkKind.Order, context.SubjectId),
        "deal" => (LinkKind.Deal, context.SubjectId),
        "customer" => (LinkKind.Customer, context.SubjectId),
        _ => (LinkKind.None, null),
    };

    public static Guid? Customer(ActionContext context) =>
        Guid.TryParse(context.Data.GetValueOrDefault("customer.id")?.ToString(),
            out var id) ? id : context.SubjectKind == "customer" ? context.SubjectId : null;
}
