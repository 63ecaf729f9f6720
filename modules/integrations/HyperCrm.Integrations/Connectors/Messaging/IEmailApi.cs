namespace HyperCrm.Integrations.Connectors;

public interface IEmailApi : IMessageApi;
