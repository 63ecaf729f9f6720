using HyperCrm.Intelligence;
using HyperCrm.Intelligence.Drafting;
using HyperCrm.TestBase;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Intelligence;

/// <summary>
/// Drafting never waits on AI: a language model's answer is used when it comes, and the localized template when there is
/// no model, when it throws, answers nothing, or is slower than its timeout. The key is stored encrypted and never shown.
/// </summary>
public sealed class DraftingTests(HyperCrmWebApplicationFactory app) : IClassFixture<HyperCrmWebApplicationFactory>
{
    private static readonly DraftRequest Review = new(DraftKind.ReviewRequest, "ru", "Анна", 1042);
    private static readonly DraftRequest Reply = new(DraftKind.Reply, "en", "Tom", 77, "Where is my parcel?", "order_status");

    [Fact]
    public async Task A_Language_Models_Answer_Should_Be_The_Draft()
    {
        var draft = await DraftAsync(new FakeChat(_ => Task.FromResult("Dear Tom, we are on it.")), Reply);

        draft.ShouldBe(new Draft("Dear Tom, we are on it.", "llm:fake", null));
    }

    [Fact]
    public async Task A_Failing_Or_Silent_Model_Should_Fall_Back_To_The_Template()
    {
        var failed = await DraftAsync(new FakeChat(_ => throw new HttpRequestException("401 from the endpoint")), Review);
        failed.Source.ShouldBe("template");
        failed.FallbackReason.ShouldBe("the language model failed (HttpRequestException)");
        failed.Text.ShouldBe("Здравствуйте, Анна! Заказ №1042 уже несколько дней у вас. Как он вам? "
            + "Ответьте оценкой от 1 до 5 и парой слов — это поможет нам и другим покупателям.");

        var silent = await DraftAsync(new FakeChat(_ => Task.FromResult("  ")), Reply);
        (silent.Source, silent.FallbackReason).ShouldBe(("template", "the language model answered nothing"));
        silent.Text.ShouldContain("order #77");
    }

    [Fact]
    public async Task A_Model_Slower_Than_Its_Timeout_Should_Fall_Back_To_The_Template()
    {
        var draft = await DraftAsync(new FakeChat(async token =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return "too late";
        }), Reply, TimeSpan.FromMilliseconds(300));

        (draft.Source, draft.FallbackReason).ShouldBe(("template", "the language model took longer than 0.3 s"));
        draft.Text.ShouldStartWith("Hello, Tom! Thank you for your message about order #77.");
    }

    [Fact]
    public async Task Without_A_Model_The_Template_Should_Be_Used_And_The_Key_Should_Be_Stored_Encrypted()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var drafter = scope.ServiceProvider.GetRequiredService<MessageDrafter>();
        (await drafter.DraftAsync(Reply, CancellationToken.None)).FallbackReason.ShouldBe("no language model is configured");

        var settings = scope.ServiceProvider.GetRequiredService<ILlmSettingsAppService>();
        await settings.SaveAsync(new LlmSettingsDto
        {
            Endpoint = "https://llm.example.test/v1", Model = "small", ApiKey = "sk-very-secret-key", TimeoutSeconds = 5,
        });
        (await settings.GetAsync()).ShouldBe(new LlmSettingsDto
        {
            Endpoint = "https://llm.example.test/v1", Model = "small", KeySet = true, TimeoutSeconds = 5,
        });
        var stored = (string)(await app.ScalarAsync("SELECT value FROM platform.settings WHERE name = 'Intelligence.Llm.ApiKey'"))!;
        stored.ShouldNotContain("sk-very-secret-key");
        (await app.ScalarAsync("SELECT count(*) FROM identity.security_audit_log WHERE details LIKE '%sk-very-secret-key%'")).ShouldBe(0L);

        var refused = await Should.ThrowAsync<HyperCrm.Framework.Domain.BusinessException>(() => settings.SaveAsync(new LlmSettingsDto
        {
            Endpoint = "ftp://nowhere", Model = "small", TimeoutSeconds = 500,
        }));
        ((IReadOnlyDictionary<string, string[]>)refused.Details["errors"]!).Keys
            .ShouldBe(["Endpoint", "TimeoutSeconds"], ignoreOrder: true);
        await settings.SaveAsync(new LlmSettingsDto { Endpoint = "", Model = "small", ClearKey = true, TimeoutSeconds = 5 });
        (await settings.GetAsync()).KeySet.ShouldBeFalse();
    }

    private async Task<Draft> DraftAsync(IChatClient chat, DraftRequest request, TimeSpan? timeout = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var drafter = new MessageDrafter(new FixedModel(new ChatModel(chat, "fake", timeout ?? TimeSpan.FromSeconds(30))),
            scope.ServiceProvider.GetRequiredService<IStringLocalizer<IntelligenceResource>>(), NullLogger<MessageDrafter>.Instance);
        return await drafter.DraftAsync(request, CancellationToken.None);
    }

    private sealed class FixedModel(ChatModel model) : IChatModelSource
    {
        public Task<ChatModel?> GetAsync(CancellationToken cancellationToken) => Task.FromResult<ChatModel?>(model);
    }

    /// <summary>A chat client that answers with the given function (or throws from it): no endpoint is called.</summary>
    private sealed class FakeChat(Func<CancellationToken, Task<string>> answer) : IChatClient
    {
        public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
            CancellationToken cancellationToken = default) =>
            new(new ChatMessage(ChatRole.Assistant, await answer(cancellationToken)));

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages,
            ChatOptions? options = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
