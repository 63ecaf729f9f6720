using HyperCrm.Activities.Domain;
using HyperCrm.Activities.Messages;

namespace HyperCrm.Activities.Application;

public static class MessageMapper
{
    public static InboundMessageDto ToDto(this InboundMessage m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new InboundMessageDto(m.Id, m.Channel, m.FromEmail, m.FromPhone, m.FromName, m.Subject, m.Text, m.CustomerId, m.OrderId,
            m.ReceivedAt, m.Handled)
        {
            Intent = m.Intent, IntentConfidence = m.IntentConfidence, Sentiment = m.Sentiment, Language = m.Language,
            TriagedBy = m.TriagedBy, DraftReply = m.DraftReply, DraftSource = m.DraftSource,
        };
    }
}
