namespace HyperCrm.Framework.Domain;

public interface IHasDomainEvents
{
    IReadOnlyList<object> GetLocalEvents();
    IReadOnlyList<object> GetDistributedEvents();
    void ClearLocalEvents();
    void ClearDistributedEvents();
}
