namespace HyperCrm.Framework.Data;

public interface IHyperDbContext
{
    string Schema { get; }

    bool TakeOutboxPending();
}
