using HyperCrm.Customers;
using HyperCrm.Framework.Modularity;
using HyperCrm.Sales;

namespace HyperCrm.Bench;

/// <summary>The modules the CRM-core benchmark exercises, hosted as the app hosts them (no web server: service level).</summary>
[DependsOn(typeof(CustomersModule), typeof(SalesModule), typeof(HyperCrm.Automation.AutomationModule),
    typeof(HyperCrm.Activities.ActivitiesModule))]
public sealed class BenchModule : HyperModule;
