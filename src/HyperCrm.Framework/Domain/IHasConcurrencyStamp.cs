namespace HyperCrm.Framework.Domain;

public interface IHasConcurrencyStamp
{
    string ConcurrencyStamp { get; set; }
}
