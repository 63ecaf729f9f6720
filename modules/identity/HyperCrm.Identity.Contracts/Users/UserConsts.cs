namespace HyperCrm.Identity.Users;

public static class UserConsts
{
    public const int MaxEmailLength = 256;
    public const int MaxDisplayNameLength = 128;
    public const int MinPasswordLength = 12;
    public const int MaxPasswordLength = 256;
}
