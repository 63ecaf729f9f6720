using System.Net;
using HyperCrm.Integrations;
using HyperCrm.Integrations.Domain;
using HyperCrm.Integrations.Webhooks;
using Shouldly;
using Xunit;

namespace HyperCrm.Domain.Tests.Integrations;

public sealed class IntegrationsDomainTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.10.20.30", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.16.0.1", true)]
    [InlineData("172.31.255.255", true)]
    [InlineData("172.32.0.1", false)]
    [InlineData("192.168.0.10", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("224.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("fd00::1", true)]
    [InlineData("::ffff:10.0.0.1", true)]
    [InlineData("::ffff:8.8.8.8", false)]
    [InlineData("8.8.8.8", false)]
    [InlineData("93.184.216.34", false)]
    [InlineData("2a00:1450:4010:c0e::8b", false)]
    [InlineData("64:ff9b::a9fe:a9fe", true)]
    [InlineData("2002:a9fe:a9fe::1", true)]
    [InlineData("2001:0:4136:e378:8000:63bf:3fff:fdd2", true)]
    [InlineData("::a9fe:a9fe", true)]
    [InlineData("2001:db8:1::1", false)]
    public void The_Ssrf_Guard_Should_Refuse_Inward_Addresses(string address, bool forbidden) =>
        OutboundUrlGuard.IsForbidden(IPAddress.Parse(address)).ShouldBe(forbidden);

    [Fact]
    public void A_Failing_Delivery_Should_Be_Retried_For_More_Than_72_Hours_Then_Fail()
    {
        var delivery = Delivery();
        var at = Now;
        var random = new Random(7);
        while (delivery.State == DeliveryState.Pending)
        {
            delivery.AttemptFailed(500, "HTTP 500", null, at, random);
            if (delivery.NextAttemptAt is { } next)
            {
                (next - at).ShouldBeGreaterThan(TimeSpan.Zero);
                at = next;
            }
        }
        delivery.State.ShouldBe(DeliveryState.Failed);
        delivery.Attempts.ShouldBe(WebhookDelivery.Backoff.Length + 1);
        (at - Now).ShouldBeGreaterThan(TimeSpan.FromHours(72));
        WebhookDelivery.Backoff.Aggregate(TimeSpan.Zero, (a, b) => a + b).ShouldBeGreaterThan(TimeSpan.FromHours(72) / 0.8);
    }

    [Fact]
    public void Retry_After_Should_Be_Honoured_When_Later_Than_The_Backoff()
    {
        var delivery = Delivery();
        delivery.AttemptFailed(429, "HTTP 429", TimeSpan.FromMinutes(7), Now, new Random(1));
        delivery.NextAttemptAt.ShouldBe(Now.AddMinutes(7));
        var other = Delivery();
        other.AttemptFailed(503, "HTTP 503", TimeSpan.FromSeconds(1), Now, new Random(1));
        (other.NextAttemptAt!.Value - Now).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(4));
    }

    [Fact]
    public void A_Gone_Delivery_Should_Stop_And_A_Success_Should_Clear_The_Error()
    {
        var gone = Delivery();
        gone.Gone(410);
        gone.State.ShouldBe(DeliveryState.Cancelled);
        gone.NextAttemptAt.ShouldBeNull();
        var ok = Delivery();
        ok.AttemptFailed(500, "HTTP 500", null, Now, new Random(1));
        ok.Succeeded(204, Now.AddSeconds(6));
        ok.State.ShouldBe(DeliveryState.Delivered);
        ok.LastError.ShouldBeNull();
        ok.Attempts.ShouldBe(2);
    }

    [Theory]
    [InlineData("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", true)]
    [InlineData("whsec_c2hvcnQ=", false)]
    [InlineData("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", false)]
    [InlineData("whsec_not base64!", false)]
    public void Only_Standard_Webhooks_Secrets_Should_Be_Accepted(string secret,
        bool valid) => WebhookSecrets.IsValid(secret).ShouldBe(valid);

    [Fact]
    public void A_Generated_Secret_Should_Be_Valid_And_Random() =>
        (WebhookSecrets.IsValid(WebhookSecrets.Generate()) && WebhookSecrets.Generate() != WebhookSecrets.Generate()).ShouldBeTrue();

    [Fact]
    public void The_Same_Courier_Status_Twice_Should_Be_News_Once()
    {
        var fulfilment = new OrderFulfilment(Guid.NewGuid(), Now);
        fulfilment.ShipmentCreated("sandbox", "SBX1", "WB-1", Now);
        fulfilment.ShipmentStatusReported("sandbox", "delivered", Now).ShouldBeTrue();
        fulfilment.ShipmentStatusReported("sandbox", "delivered", Now).ShouldBeFalse();
        fulfilment.GetDistributedEvents().OfType<ShipmentStatusChangedEto>().Single().TrackingNumber.ShouldBe("SBX1");
    }

    [Fact]
    public void A_Pick_Task_Should_Report_Picked_Once()
    {
        var fulfilment = new OrderFulfilment(Guid.NewGuid(), Now);
        fulfilment.PickTaskCreated("task-1", Now);
        fulfilment.PickChecked("open", Now);
        fulfilment.PickChecked("picked", Now);
        fulfilment.PickChecked("picked", Now);
        fulfilment.GetDistributedEvents().OfType<PickTaskPickedEto>().Count().ShouldBe(1);
        fulfilment.PickStatus.ShouldBe("picked");
    }

    private static WebhookDelivery Delivery() =>
        new(Guid.NewGuid(), new WebhookSubscription(Guid.NewGuid(), Guid.NewGuid(), "https://example.com/hooks", ["order.created"],
            "protected", Now),
            "order.created", "order.created:x", Guid.NewGuid(), "{}", Now);

    [Fact]
    public void A_Connector_Pointed_At_Another_Host_Should_Need_Its_Secret_Again()
    {
        var connector = new ConnectorSetting(Guid.NewGuid(), "erp");
        connector.Update("https://erp.example.com/odata", "crm", "protected-secret", 10, "admin", Now);

        // Same host, another path or timeout: the secret stays.
        connector.Update("https://erp.example.com/odata/v2", "crm", null, 20, "admin", Now);
        connector.ProtectedSecret.ShouldBe("protected-secret");

        foreach (var elsewhere in new[] { "https://attacker.example.net/odata", "http://erp.example.com/odata",
            "https://erp.example.com:8443/odata" })
        {
            var refused = Should.Throw<HyperCrm.Framework.Domain.BusinessException>(() => connector.Update(elsewhere, "crm", null, 10,
                "admin", Now));
            refused.Code.ShouldBe("Integrations:SecretRequiredForNewHost");
            connector.BaseUrl.ShouldBe("https://erp.example.com/odata/v2");
        }

        connector.Update("https://erp2.example.com/odata", "crm", "new-protected-secret", 10, "admin", Now);
        connector.BaseUrl.ShouldBe("https://erp2.example.com/odata");
        connector.ProtectedSecret.ShouldBe("new-protected-secret");
    }

    [Fact]
    public void A_Pick_Task_The_Wms_Cannot_Answer_About_Should_Wait_Longer_Each_Time_Up_To_Five_Minutes()
    {
        var fulfilment = new OrderFulfilment(Guid.NewGuid(), Now);
        fulfilment.PickTaskCreated("task-1", Now);

        var waits = Enumerable.Range(1, 12).Select(_ =>
        {
            fulfilment.PickCheckFailed(Now);
            return fulfilment.PickCheckedAt!.Value - Now;
        }).ToList();
        fulfilment.PickChecked("open", Now);

        waits.Take(4).ShouldBe([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(16)]);
        waits.ShouldBeInOrder();
        waits[^1].ShouldBe(OrderFulfilment.MaxPickBackoff);
        fulfilment.PickFailures.ShouldBe(0);
        fulfilment.PickTaskReplaced("task-2", Now);
        fulfilment.PickTaskId.ShouldBe("task-2");
    }
}
