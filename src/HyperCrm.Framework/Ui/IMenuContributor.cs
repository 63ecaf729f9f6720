namespace HyperCrm.Framework.Ui;

/// <summary>Each module with pages adds its entries to the sidebar here.</summary>
public interface IMenuContributor
{
    Task ConfigureMenuAsync(MenuConfigurationContext context);
}
