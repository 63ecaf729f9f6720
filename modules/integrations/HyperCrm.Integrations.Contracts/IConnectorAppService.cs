namespace HyperCrm.Integrations.Connectors;

public interface IConnectorAppService
{
    Task<IReadOnlyList<ConnectorDto>> GetListAsync(CancellationToken cancellationToken = default);

    Task<ConnectorDto> GetAsync(string name, CancellationToken cancellationToken = default);

    Task<ConnectorDto> UpdateAsync(string name, UpdateConnectorDto input, CancellationToken cancellationToken = default);

    IReadOnlyList<ConnectorHealthDto> GetHealth();

    /// <summary>Every connector's health across the instances that used it in the last <paramref name="window"/> (from
    /// PostgreSQL, published by each instance every few seconds), with whether an operator paused it.</summary>
    Task<IReadOnlyList<ConnectorHealthDto>> GetSharedHealthAsync(TimeSpan window, CancellationToken cancellationToken = default);

    Task<ConnectionTestDto> TestAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Reads the ERP's stock now and applies it to the catalog.</summary>
    Task<string> SyncStockAsync(CancellationToken cancellationToken = default);
}
