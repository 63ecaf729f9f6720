namespace HyperCrm.Framework.Domain;

/// <summary>A named business rule; a broken rule becomes a 4xx problem with the rule's stable code.</summary>
public interface IBusinessRule
{
    bool IsBroken();

    /// <summary>A stable, machine-readable code such as "Sales:OrderMustBeReservedToShip".</summary>
    string Code { get; }

    string Message { get; }

    /// <summary>The HTTP status a broken rule answers with: 422 for invalid requests, 409 for a conflict with the current state.</summary>
    int StatusCode => 422;
}
