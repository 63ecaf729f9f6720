namespace HyperCrm.Framework.Modularity;

/// <summary>
/// The ABP-style module: one per project, configured in three passes and initialized in three,
/// always in dependency order (a module runs after every module it depends on).
/// </summary>
public abstract class HyperModule
{
    public virtual void PreConfigureServices(ServiceConfigurationContext context) { }

    public virtual void ConfigureServices(ServiceConfigurationContext context) { }

    public virtual void PostConfigureServices(ServiceConfigurationContext context) { }

    public virtual void OnPreApplicationInitialization(ApplicationInitializationContext context) { }

    public virtual void OnApplicationInitialization(ApplicationInitializationContext context) { }

    public virtual void OnPostApplicationInitialization(ApplicationInitializationContext context) { }
}
