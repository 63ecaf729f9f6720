namespace HyperCrm.Sales.Deals;

public sealed class CreateDealDto : DealInputBase
{
    public Guid? PipelineId { get; set; }

    /// <summary>A stage id or name; the pipeline's first stage when omitted.</summary>
    public string? Stage { get; set; }
}
