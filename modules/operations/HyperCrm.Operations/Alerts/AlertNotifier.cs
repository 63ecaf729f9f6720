using HyperCrm.Activities;
using HyperCrm.Identity.Users;
using HyperCrm.Framework.Localization;
using HyperCrm.Integrations;
using HyperCrm.Operations.Domain;
using Microsoft.Extensions.Configuration;

namespace HyperCrm.Operations.Alerts;

/// <summary>
/// Tells the people who watch operations (everyone holding the console permission) that an alert fired: in the app, and by
/// email when the rule asks for it. Each notice is keyed by alert and person, so a repeated evaluation tells nobody twice.
/// </summary>
public sealed class AlertNotifier(IUserIntegrationService users, IActivitiesIntegrationService activities, IEmailIntegrationService email,
    MessageFormatter words, IConfiguration configuration)
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
                // The mail is worded in the installation's language (the page words it in each reader's).
                string text;
                using (InstallationCulture.Use(InstallationCulture.Of(configuration))) text = words.Format(alert.Message);
                await email.SendAsync(address, "HyperCrm: " + title, $"{text}\n\n{baseUrl}{link}",
                    $"alert-{alert.Id:N}-{person.Id:N}", cancellationToken);
            }
        }
        alert.NotifiedPeople(people.Count);
    }
}
