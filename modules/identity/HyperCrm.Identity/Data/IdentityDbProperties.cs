namespace HyperCrm.Identity.Data;

public static class IdentityDbProperties
{
    public const string DbSchema = "identity";
}
