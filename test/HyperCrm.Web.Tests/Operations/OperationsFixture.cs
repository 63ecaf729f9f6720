using HyperCrm.Web.Tests.Integrations;

namespace HyperCrm.Web.Tests.Operations;

/// <summary>The app with the sandbox, where an event that fails once is dead-lettered at once (so a test need not wait out the
/// retries), and a switch in the database that makes one consumer fail while it is on.</summary>
public sealed class OperationsFixture : SandboxFixture
{
    public const string TimelineConsumer = "HyperCrm.Customers.Application.TimelineEventHandler";

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>(base.ExtraSettings)
    {
        ["Outbox:MaxAttempts"] = "1",
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // A consumer fails while its name is in the gate: its inbox row is refused, as a failing handler's transaction would be.
        await ExecuteSqlAsync("""
            CREATE TABLE IF NOT EXISTS public.consumer_gate (consumer text PRIMARY KEY);
            CREATE OR REPLACE FUNCTION public.consumer_gate() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF EXISTS (SELECT 1 FROM public.consumer_gate g WHERE g.consumer = NEW.consumer) THEN
                RAISE EXCEPTION 'consumer % is failing on purpose', NEW.consumer;
              END IF;
              RETURN NEW;
            END $$;
            CREATE OR REPLACE TRIGGER consumer_gate BEFORE INSERT ON customers.inbox_messages
              FOR EACH ROW EXECUTE FUNCTION public.consumer_gate();
            """);
    }

    public Task FailConsumerAsync(string consumer) =>
        ExecuteSqlAsync($"INSERT INTO public.consumer_gate VALUES ('{consumer}') ON CONFLICT DO NOTHING");

    public Task HealConsumerAsync(string consumer) => ExecuteSqlAsync($"DELETE FROM public.consumer_gate WHERE consumer = '{consumer}'");
}
