namespace HyperCrm.Identity;

public static class IdentityPermissions
{
    public const string GroupName = "Identity";

    public static class Users
    {
        public const string Default = GroupName + ".Users";
        public const string Manage = Default + ".Manage";
    }

    public static class Roles
    {
        public const string Default = GroupName + ".Roles";
        public const string ManagePermissions = Default + ".ManagePermissions";
    }

    public static class Partners
    {
        public const string Default = GroupName + ".Partners";
        public const string ManageKeys = Default + ".ManageKeys";
    }

    public const string AuditLog = GroupName + ".AuditLog";
}
