using HyperCrm.Framework;
using HyperCrm.Framework.Data;
using HyperCrm.Framework.Events;
using HyperCrm.Framework.Modularity;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Application.Tests.Framework.Testing;

/// <summary>A small module of its own (schema "testing") that exercises the framework's events, outbox and inbox for real.</summary>
[DependsOn(typeof(HyperCrmFrameworkModule))]
public sealed class TestingModule : HyperModule
{
    public override void ConfigureServices(ServiceConfigurationContext context)
    {
        context.Services.AddHyperDbContext<TestingDbContext>();
        context.Services.AddLocalEventHandler<WidgetRenamedHandler>();
        context.Services.AddDistributedEventHandler<WidgetCreatedHandler, TestingDbContext>();
        context.Services.AddSingleton<FailurePlan>();
    }
}

/// <summary>Tells the distributed handler to fail its first N calls (or every call), to test retries and dead letters.</summary>
public sealed class FailurePlan
{
    private int _remaining;

    public void FailNext(int times) => Interlocked.Exchange(ref _remaining, times);

    public bool ShouldFail() => Interlocked.Decrement(ref _remaining) >= 0;
}
