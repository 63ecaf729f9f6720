namespace HyperCrm.Automation.Catalog;

/// <summary>
/// An action a module offers to rules. The engine calls it with resolved parameters and an idempotency key derived
/// from the run and step: a retried or re-run step passes the same key, and the action must not repeat its effect.
/// </summary>
public interface IAutomationAction
{
    ActionDescriptor Descriptor { get; }

    Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken);
}
