using System.ComponentModel.DataAnnotations;

namespace HyperCrm.Integrations.Connectors;

/// <summary>The outside systems HyperCrm talks to.</summary>
public static class ConnectorNames
{
    public const string Erp = "erp";
    public const string Wms = "wms";
    public const string Courier = "courier";
    public const string Sms = "sms";
    public const string Email = "email";

    public static readonly IReadOnlyList<string> All = [Erp, Wms, Courier, Sms, Email];
}

/// <summary>A connector's settings as an admin sees them: never the secret itself, only whether one is set.</summary>
public sealed record ConnectorDto(string Name, string BaseUrl, string? UserName, bool HasSecret, int TimeoutSeconds, bool IsConfigured, bool UsesSandboxDefault);

/// <summary>How a connector is doing, on this instance: last success, error rate, circuit state.</summary>
public sealed record ConnectorHealthDto(string Name, DateTimeOffset? LastSuccess, DateTimeOffset? LastFailure, string? LastError, int Calls, int Failures, double ErrorRate, string CircuitState);

public sealed class UpdateConnectorDto
{
    [Required(ErrorMessage = "Validation:Required")]
    [Url(ErrorMessage = "Connector:BadUrl")]
    [StringLength(300, ErrorMessage = "Validation:StringLength")]
    [Display(Name = "Connector:BaseUrl")]
    public string BaseUrl { get; set; } = string.Empty;

    [StringLength(100, ErrorMessage = "Validation:StringLength")]
    [Display(Name = "Connector:UserName")]
    public string? UserName { get; set; }

    /// <summary>The password or API key; empty keeps the stored one.</summary>
    [StringLength(500, ErrorMessage = "Validation:StringLength")]
    [Display(Name = "Connector:Secret")]
    public string? Secret { get; set; }

    [Range(1, 120, ErrorMessage = "Validation:Range")]
    [Display(Name = "Connector:Timeout")]
    public int TimeoutSeconds { get; set; } = 10;
}

public sealed record ConnectionTestDto(bool Ok, string Message, long Milliseconds);

public interface IConnectorAppService
{
    Task<IReadOnlyList<ConnectorDto>> GetListAsync(CancellationToken cancellationToken = default);

    Task<ConnectorDto> GetAsync(string name, CancellationToken cancellationToken = default);

    Task<ConnectorDto> UpdateAsync(string name, UpdateConnectorDto input, CancellationToken cancellationToken = default);

    IReadOnlyList<ConnectorHealthDto> GetHealth();

    Task<ConnectionTestDto> TestAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Reads the ERP's stock now and applies it to the catalog.</summary>
    Task<string> SyncStockAsync(CancellationToken cancellationToken = default);
}
