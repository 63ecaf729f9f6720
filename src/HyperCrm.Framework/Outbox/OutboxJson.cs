using System.Text.Json;

namespace HyperCrm.Framework.Outbox;

public static class OutboxJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
