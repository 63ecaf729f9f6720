using System.Globalization;
using HyperCrm.Framework.Localization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace HyperCrm.Intelligence.Drafting;

/// <summary>
/// Drafts a message to a customer: with the language model set in Settings → AI when there is one, else — or when it
/// fails, answers nothing, or is slower than its timeout — from the localized template for the kind (and the intent a
/// reply answers). Never sends anything and never throws for the model's sake: the pipeline does not wait on AI.
/// </summary>
public sealed class MessageDrafter(IChatModelSource models, IStringLocalizer<IntelligenceResource> l, ILogger<MessageDrafter> logger)
{
    public const int MaxLength = 1000;

    public async Task<Draft> DraftAsync(DraftRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var model = await models.GetAsync(cancellationToken);
        if (model is null) return Template(request, "no language model is configured");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(model.Timeout);
        try
        {
            var options = new ChatOptions { Temperature = 0.3f, MaxOutputTokens = 300 };
            var response = await model.Client.GetResponseAsync(Prompt(request), options, timeout.Token);
            var text = response.Text?.Trim();
            if (string.IsNullOrEmpty(text)) return Template(request, "the language model answered nothing");
            return new Draft(text.Length > MaxLength ? text[..MaxLength] : text, "llm:" + model.Name, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("Drafting fell back to the template: the language model took longer than {Timeout}", model.Timeout);
            return Template(request, string.Create(CultureInfo.InvariantCulture,
                $"the language model took longer than {model.Timeout.TotalSeconds:0.#} s"));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The exception's type only: its message may carry the endpoint's answer, never worth logging whole.
            logger.LogInformation("Drafting fell back to the template: the language model failed ({Error})", ex.GetType().Name);
            return Template(request, $"the language model failed ({ex.GetType().Name})");
        }
    }

    private static List<ChatMessage> Prompt(DraftRequest request)
    {
        var language = request.Language == "ru" ? "Russian" : "English";
        var task = request.Kind == DraftKind.ReviewRequest
            ? $"Ask {request.CustomerName ?? "the customer"} for a short review of order #{request.OrderNumber}, delivered a few days ago: "
              + "one or two friendly sentences, suitable for an SMS."
            : $"Draft a reply to {request.CustomerName ?? "the customer"}"
              + (request.OrderNumber is { } number ? $" about order #{number}" : string.Empty)
              + $". Triage read the message as: {request.Intent ?? "unknown"}. Acknowledge it, say what happens next in general "
              + "terms; a person will check and send it.";
        return
        [
            new(ChatRole.System, $"You write short, polite customer-service messages for an online shop, in {language}. Never "
                + "promise refunds, dates or compensation, never invent facts about the order, no placeholders; plain text only."),
            new(ChatRole.User, request.CustomerText is { Length: > 0 } said ? $"{task}\n\nThe customer wrote:\n{said}" : task),
        ];
    }

    private Draft Template(DraftRequest request, string reason)
    {
        // A reply about no known order has its own wording (no "order #—").
        var key = request.Kind == DraftKind.ReviewRequest ? "Draft:ReviewRequest"
            : $"Draft:Reply.{(request.Intent is "order_status" or "complaint" or "return" or "question" ? request.Intent : "other")}"
              + (request.OrderNumber is null ? ".NoOrder" : string.Empty);
        using (InstallationCulture.Use(CultureInfo.GetCultureInfo(request.Language == "ru" ? "ru" : "en")))
        {
            var name = request.CustomerName is { Length: > 0 } given ? given : l["Draft:Customer"].Value;
            return new Draft(l[key, name, request.OrderNumber?.ToString(CultureInfo.InvariantCulture) ?? "—"].Value, "template", reason);
        }
    }
}
