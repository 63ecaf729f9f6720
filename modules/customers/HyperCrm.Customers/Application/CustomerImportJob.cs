using HyperCrm.Customers.Import;
using Quartz;

namespace HyperCrm.Customers.Application;

/// <summary>Runs a queued CSV import in the background on any instance of the cluster; recovered after a crash.</summary>
[DisallowConcurrentExecution]
public sealed class CustomerImportJob(ICustomerImportAppService imports) : IJob
{
    public const string ImportIdKey = "importId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await imports.ProcessAsync(Guid.Parse(context.MergedJobDataMap.GetString(ImportIdKey)!), cancellationToken);
    }
}
