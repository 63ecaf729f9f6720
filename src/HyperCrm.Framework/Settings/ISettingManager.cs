namespace HyperCrm.Framework.Settings;

public interface ISettingManager
{
    Task<string> GetAsync(string name, CancellationToken cancellationToken = default);

    Task<T> GetAsync<T>(string name, CancellationToken cancellationToken = default)
        where T : IParsable<T>;

    Task SetAsync(string name, string value, CancellationToken cancellationToken = default);
}
