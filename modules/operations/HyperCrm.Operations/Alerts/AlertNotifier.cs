using HyperCrm.Activities;
using HyperCrm.Identity.Users;
using HyperCrm.Integrations;
using HyperCrm.Operations.Domain;
using Microsoft.Extensions.Configuration;

namespace HyperCrm.Operations.Alerts;

/// <summary>
/// Tells the people who watch operations (everyone holding the console permission) that an alert fired: in the app, and by
/// email when the rule asks for it. Each notice is keyed by alert and person, so a repeated evaluation tells nobody twice.
/// </summary>
public sealed class AlertNotifier(IUserIntegrationService users, IActivitiesIntegrationService activities, IEmailIntegrationService email,
    IConfiguration configuration)
{
    public async Task NotifyAsync(Alert alert, AlertRule rule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(rule);
        var people = await users.GetStaffWithPermissionAsync(OperationsPermissions.Console, cancellationToken);
        var title = $"{alert.RuleName}: {alert.Subject}";
        var link = "/Operations/Alerts?alert=" + alert.Id;
        foreach (var person in people)
        {
            await activities.NotifyAsync(person.Id, title, link, $"alert:{alert.Id}:{person.Id}", cancellationToken);
            if (rule.Email && person.Email is { Length: > 0 } address)
            {
                var baseUrl = (configuration["HYPERCRM_PUBLIC_URL"] ?? configuration["HYPERCRM_URLS"]?.Split(';')[0] ?? string.Empty)
                    .TrimEnd('/');
                await email.SendAsync(address, "HyperCrm alert: " + title,
                    $"{alert.Message}\n\nFired at {alert.FiredAt:u}. Acknowledge it in the operations console: {baseUrl}{link}",
                    $"alert-{alert.Id:N}-{person.Id:N}", cancellationToken);
            }
        }
        alert.NotifiedPeople(people.Count);
    }
}
