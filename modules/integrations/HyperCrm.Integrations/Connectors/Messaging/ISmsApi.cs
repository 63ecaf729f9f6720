namespace HyperCrm.Integrations.Connectors;

public interface ISmsApi : IMessageApi;
