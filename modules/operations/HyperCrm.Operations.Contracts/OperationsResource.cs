using HyperCrm.Framework.Localization;

namespace HyperCrm.Operations;

[LocalizationResourceName("Operations")]
public sealed class OperationsResource;
