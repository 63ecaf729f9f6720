using HyperCrm.Robots.Domain.Bots;
using HyperCrm.Robots.Domain.Jobs;
using Microsoft.Playwright;
using PlaywrightTimeout = System.TimeoutException;

namespace HyperCrm.Robots.Runner;

/// <summary>
/// Plays a bot's steps on a page. Each step is logged with its timing, the page's address and what it read or typed (a
/// secret never), and a failure is sorted: a timeout waiting for the portal, its 5xx or a dropped connection may pass with
/// another attempt; an element missing from a page that loaded (the page changed), a failed assertion (sign-in refused), a
/// refused host or a missing expected outcome will not.
/// </summary>
public sealed class BotScript(BotDefinition definition, BotVariables variables, BotRecorder recorder, Func<string?> refusal)
{
    private int? _status;

    public async Task RunAsync(IPage page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        page.Response += (_, response) =>
        {
            if (response.Request.IsNavigationRequest && response.Frame == page.MainFrame) _status = response.Status;
        };
        for (var i = 0; i < definition.Steps.Count; i++)
            await StepAsync(page, definition.Steps[i], (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                cancellationToken);
        if (definition.Outcome is { Length: > 0 } outcome && !definition.Steps.Any(s => s.Kind == BotStepKind.Repeat
            && s.Steps.Any(c => c.Variable == outcome)) && !variables.HasValue(outcome))
            throw new BotStepException($"The bot ended without its expected outcome ({outcome}).", retryable: false,
                "check its outcome");
    }

    private async Task StepAsync(IPage page, BotStep step, string path, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var started = DateTimeOffset.UtcNow;
        var what = Describe(step);
        if (step.SkipIf is { Length: > 0 } skip && variables.HasValue(skip))
        {
            await recorder.RecordAsync(page, path, Kind(step), what, started, null, BotRunStep.Skipped, null, shot: false,
                cancellationToken);
            return;
        }
        if (step.Kind == BotStepKind.Repeat)
        {
            await RepeatAsync(page, step, path, what, started, cancellationToken);
            return;
        }
        string? value = null;
        try
        {
            value = await DoAsync(page, step, cancellationToken);
        }
        catch (Exception ex) when (ex is PlaywrightException or PlaywrightTimeout or BotStepException
            && !cancellationToken.IsCancellationRequested)
        {
            var failure = Sort(ex, step, what);
            await recorder.RecordAsync(page, path, Kind(step), what, started, value, BotRunStep.Failed, failure.Message, shot: true,
                cancellationToken);
            throw failure;
        }
        await recorder.RecordAsync(page, path, Kind(step), what, started, value, BotRunStep.Done, null,
            shot: step.Kind is not (BotStepKind.WaitFor or BotStepKind.AssertAbsent or BotStepKind.Extract), cancellationToken);
    }

    private async Task RepeatAsync(IPage page, BotStep step, string path, string what, DateTimeOffset started,
        CancellationToken cancellationToken)
    {
        var items = variables.Items(step.Target!);
        await recorder.RecordAsync(page, path, Kind(step), $"{what} ({items.Count})", started, null, BotRunStep.Done, null, shot: false,
            cancellationToken);
        var itemVariables = step.Steps.Where(s => s.Kind == BotStepKind.Extract).Select(s => s.Variable!).ToList();
        for (var n = 0; n < items.Count; n++)
        {
            variables.BeginItem(items[n], itemVariables);
            for (var i = 0; i < step.Steps.Count; i++)
                await StepAsync(page, step.Steps[i], FormattableString.Invariant($"{path}.{n + 1}.{i + 1}"), cancellationToken);
            if (definition.Outcome is { Length: > 0 } outcome && itemVariables.Contains(outcome) && !variables.HasValue(outcome))
                throw new BotStepException($"Item {n + 1} ended without the expected outcome ({outcome}).", retryable: false,
                    $"{what}, item {n + 1}");
        }
        variables.EndItems();
    }

    /// <summary>Does the step; returns what to log as its value (what was read or typed, never a secret).</summary>
    private async Task<string?> DoAsync(IPage page, BotStep step, CancellationToken cancellationToken)
    {
        var timeout = (float)TimeSpan.FromSeconds(step.TimeoutSeconds ?? definition.TimeoutSeconds).TotalMilliseconds;
        var target = Render(step.Target);
        var text = Render(step.Value);
        var shown = BotTemplate.UsesSecret(step.Value) ? "••••••" : text;
        switch (step.Kind)
        {
            case BotStepKind.Goto:
                var response = await page.GotoAsync(target, new PageGotoOptions { Timeout = timeout });
                CheckStatus(response?.Status);
                return target;
            case BotStepKind.Fill:
                await page.Locator(target).First.FillAsync(text, new LocatorFillOptions { Timeout = timeout });
                return shown;
            case BotStepKind.Select:
                await page.Locator(target).First.SelectOptionAsync(text, new LocatorSelectOptionOptions { Timeout = timeout });
                return shown;
            case BotStepKind.Click:
                _status = null;
                await page.Locator(target).First.ClickAsync(new LocatorClickOptions { Timeout = timeout });
                await page.WaitForLoadStateAsync(LoadState.Load, new PageWaitForLoadStateOptions { Timeout = timeout });
                CheckStatus(_status);
                return null;
            case BotStepKind.WaitFor:
                await page.Locator(target).First.WaitForAsync(new LocatorWaitForOptions { Timeout = timeout });
                return null;
            case BotStepKind.Extract:
                var read = step.Optional && await page.Locator(target).CountAsync() == 0
                    ? string.Empty
                    : (await page.Locator(target).First.InnerTextAsync(new LocatorInnerTextOptions { Timeout = timeout })).Trim();
                variables.Set(step.Variable!, read);
                return read;
            case BotStepKind.Assert:
                var found = (await page.Locator(target).First.InnerTextAsync(new LocatorInnerTextOptions { Timeout = timeout })).Trim();
                if (text.Length > 0 && !found.Contains(text, StringComparison.OrdinalIgnoreCase))
                    throw new BotStepException($"'{target}' says \"{Clip(found)}\", not \"{Clip(text)}\".", retryable: false);
                return found;
            case BotStepKind.AssertAbsent:
                if (await page.Locator(target).CountAsync() > 0)
                {
                    var banner = (await page.Locator(target).First.InnerTextAsync()).Trim();
                    throw new BotStepException($"The page shows '{target}': \"{Clip(banner)}\".", retryable: false);
                }
                return null;
            case BotStepKind.Screenshot:
                return null;
            default:
                throw new BotStepException($"Unknown step kind {step.Kind}.", retryable: false);
        }
    }

    private static void CheckStatus(int? status)
    {
        if (status >= 500) throw new BotStepException($"The portal answered {status}.", retryable: true);
        if (status >= 400)
            throw new BotStepException($"The portal answered {status}: the page is gone or refused.", retryable: false);
    }

    /// <summary>Whether another attempt may help, and the words for the log and the person.</summary>
    private BotStepException Sort(Exception ex, BotStep step, string what)
    {
        if (refusal() is { } refused) return new BotStepException($"Refused: {refused}", retryable: false, what);
        return ex switch
        {
            BotStepException failure => new BotStepException(failure.Message, failure.Retryable, what),
            PlaywrightTimeout when _status >= 500 => new BotStepException($"The portal answered {_status}.", retryable: true, what),
            PlaywrightTimeout when step.Kind == BotStepKind.Goto || (step.Kind == BotStepKind.Click && ex.Message.Contains(
                "load", StringComparison.OrdinalIgnoreCase))
                => new BotStepException("The portal did not answer in time.", retryable: true, what),
            PlaywrightTimeout
                => new BotStepException($"The page changed: '{Render(step.Target)}' is not there.", retryable: false, what),
            PlaywrightException when ex.Message.Contains("net::ERR_", StringComparison.Ordinal)
                => new BotStepException($"The portal could not be reached ({FirstLine(ex.Message)}).", retryable: true, what),
            _ => new BotStepException(FirstLine(ex.Message), retryable: true, what),
        };
    }

    private string Render(string? text) => BotTemplate.Render(text, variables.Get);

    private static string Kind(BotStep step) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(step.Kind.ToString());

    private string Describe(BotStep step) => step.Description is { Length: > 0 } description
        ? BotTemplate.Render(description, n => n == "credentials.password" ? "••••••" : variables.Get(n))
        : $"{Kind(step)} {(BotTemplate.UsesSecret(step.Target) ? "" : Render(step.Target))}".Trim();

    private static string Clip(string text) => text.Length > 200 ? text[..200] + "…" : text;

    private static string FirstLine(string text) => Clip(text.Split('\n', 2)[0].Trim());
}
