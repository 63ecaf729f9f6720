namespace HyperCrm.Framework.Security;

/// <summary>Each module that guards something defines its permissions in one of these.</summary>
public interface IPermissionDefinitionProvider
{
    void Define(PermissionDefinitionContext context);
}
