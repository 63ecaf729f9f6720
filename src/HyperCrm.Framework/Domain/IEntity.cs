namespace HyperCrm.Framework.Domain;

public interface IEntity;
